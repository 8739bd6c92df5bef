import { randomUUID } from 'node:crypto';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoUsageCounters } from '../../shared/adapters/aws/dynamo-usage-counters';
import { localTableName, startDynamo } from '../../local/stand-ins';

/** The per-user budget counters through the real SDK on dynalite. */
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let client: DynamoDBDocumentClient;
const TABLE = localTableName('records');
beforeAll(async () => {
  dynamo = await startDynamo();
  client = createDocumentClient({ endpoint: dynamo.endpoint });
});
afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

describe('Class: DynamoUsageCounters', () => {
  it('never counts past the limit under concurrent takes, and keeps each counter until its TTL', async () => {
    // Prepare
    const counters = new DynamoUsageCounters(client, TABLE);
    const userId = randomUUID();

    // Act
    const taken = await Promise.all(Array.from({ length: 16 }, () => counters.increment(userId, 'symptomSession#3600#1767261600', 10, 1767268800)));
    const otherWindow = await counters.increment(userId, 'symptomSession#3600#1767265200', 10, 1767272400);

    // Assess
    expect(taken.filter(Boolean)).toHaveLength(10);
    expect(otherWindow).toBe(true);
    const { Item } = await client.send(
      new GetCommand({ TableName: TABLE, Key: { pk: `USER#${userId}`, sk: 'BUDGET#symptomSession#3600#1767261600' }, ConsistentRead: true }),
    );
    expect(Item).toEqual({ pk: `USER#${userId}`, sk: 'BUDGET#symptomSession#3600#1767261600', count: 10, expiresAt: 1767268800 });
  });
});
