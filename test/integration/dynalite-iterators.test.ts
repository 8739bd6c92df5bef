import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, PutItemCommand, QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dynaliteAbstractLevels } from '../../local/dynalite-iterators';
import { localTableName, startDynamo } from '../../local/stand-ins';

/**
 * dynalite leaves the LevelDB iterator of every Query and Scan open unless local/dynalite-iterators.ts
 * closes it; on disk each one pins LevelDB memory, and `npm start` grew by about 130 MiB a minute
 * under the load soak (docs/architecture.md, "Load"). Open iterators are counted where abstract-level
 * tracks them (a database's attached resources), so the test sees what the server would keep.
 */
let open = 0;
const restore: (() => void)[] = [];
beforeAll(() => {
  for (const { AbstractLevel } of dynaliteAbstractLevels()) {
    const { attachResource, detachResource } = AbstractLevel.prototype;
    AbstractLevel.prototype.attachResource = function (resource) {
      open++;
      attachResource.call(this, resource);
    };
    AbstractLevel.prototype.detachResource = function (resource) {
      open--;
      detachResource.call(this, resource);
    };
    restore.push(() => Object.assign(AbstractLevel.prototype, { attachResource, detachResource }));
  }
});
afterAll(() => {
  for (const undo of restore) undo();
});

const TableName = localTableName('records');

describe('Function: startDynamo', () => {
  it.each([
    ['on disk (LevelDB, as npm start)', true],
    ['in memory (as the tests)', false],
  ])('closes the iterator of every Query and Scan %s', async (_label, onDisk) => {
    // Prepare: three items in one partition; a Query with Limit 1 stops early, a Scan reads every table entry
    const dataDir = onDisk ? mkdtempSync(join(tmpdir(), 'carebow-dynalite-')) : undefined;
    const dynamo = await startDynamo(dataDir);
    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    try {
      for (const sk of ['A', 'B', 'C']) await client.send(new PutItemCommand({ TableName, Item: { pk: { S: 'USER#iterators' }, sk: { S: sk } } }));
      const before = open;

      // Act
      for (let i = 0; i < 30; i++) {
        const { Items } = await client.send(
          new QueryCommand({ TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: 'USER#iterators' } }, Limit: 1 }),
        );
        expect(Items).toHaveLength(1);
      }
      for (let i = 0; i < 10; i++) await client.send(new ScanCommand({ TableName }));

      // Assess: 40 requests opened iterators; all are closed again (a close is asynchronous, so wait for it)
      await vi.waitFor(() => expect(open - before).toBe(0), { timeout: 5000, interval: 20 });
    } finally {
      client.destroy();
      await dynamo.stop();
      if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
