import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalTables, localTableName, startDynamo } from '../../local/stand-ins';
import { TABLES } from '../../shared/data/tables';

/**
 * `npm start` keeps its tables in the data dir between runs. A table created before its spec gained
 * an index must get the index, with its items kept, or every route that queries the index fails
 * on a developer's old data.
 */
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let client: DynamoDBClient;
beforeAll(async () => {
  dynamo = await startDynamo();
  client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
});
afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

describe('Function: createLocalTables', () => {
  it('adds an index a kept table lacks, keeping its items', async () => {
    // Prepare: the records table as an older run left it, without any index, holding one item
    const TableName = localTableName('records');
    await client.send(new DeleteTableCommand({ TableName }));
    await client.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
    await client.send(new PutItemCommand({ TableName, Item: { pk: { S: 'USER#kept' }, sk: { S: 'PROFILE' }, note: { S: 'still here' } } }));

    // Act
    await createLocalTables(dynamo.endpoint);

    // Assess
    const { Table } = await client.send(new DescribeTableCommand({ TableName }));
    expect((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName).sort()).toEqual(
      (TABLES.records.globalSecondaryIndexes ?? []).map((index) => index.indexName).sort(),
    );
    const { Item } = await client.send(new GetItemCommand({ TableName, Key: { pk: { S: 'USER#kept' }, sk: { S: 'PROFILE' } } }));
    expect(Item?.note).toEqual({ S: 'still here' });
  });

  it('leaves a table that already has every index alone', async () => {
    // Prepare
    const TableName = localTableName('identity');
    await client.send(new PutItemCommand({ TableName, Item: { pk: { S: 'USER#same' }, sk: { S: 'ACCOUNT' } } }));
    const before = (await client.send(new DescribeTableCommand({ TableName }))).Table?.CreationDateTime;

    // Act
    await createLocalTables(dynamo.endpoint);

    // Assess
    const after = (await client.send(new DescribeTableCommand({ TableName }))).Table?.CreationDateTime;
    expect(after).toEqual(before);
  });
});
