import { randomUUID } from 'node:crypto';
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditAppendError, DynamoAuditLog } from '../../shared/adapters/aws/dynamo-audit-log';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoAuditTrail } from '../../shared/adapters/aws/dynamo-audit-trail';
import { verifyChain } from '../../shared/audit/chain';
import type { AuditEvent } from '../../shared/audit/ports';
import { errorResponse } from '../../shared/http/error-response';
import { localTableName, startDynamo } from '../../local/stand-ins';

/**
 * A hot audit chain (issue 14): 16 requests for one data subject in flight at once, each in its own container (its
 * own `DynamoAuditLog`, no shared head cache: the worst case in Lambda). With lanes (ADR 0019) every append lands
 * and every lane verifies; forced to one lane and one attempt, an append either lands or fails with the
 * `audit_busy` 503 and its `Retry-After`, never anything that becomes a 500, and the chain never forks.
 */
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let client: DynamoDBDocumentClient;
const TABLE = localTableName('audit');
beforeAll(async () => {
  dynamo = await startDynamo();
  client = createDocumentClient({ endpoint: dynamo.endpoint });
});
afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

const IN_FLIGHT = 16;
const event = (subjectId: string, n: number): AuditEvent => ({
  action: 'profile.read',
  outcome: 'success',
  subjectId,
  actor: { userId: subjectId, roles: ['patient'] },
  resource: { type: 'profile', id: subjectId },
  requestId: `req-${n}`,
  sourceIp: '127.0.0.1',
});
/** 16 containers append one event each for the same subject, all at once; `retries` counts their lost races. */
const burst = (subjectId: string, options: { maxAttempts?: number; lanes?: number; retries?: { count: number } } = {}) =>
  Promise.allSettled(
    Array.from({ length: IN_FLIGHT }, (_, n) =>
      new DynamoAuditLog(
        client,
        TABLE,
        undefined,
        () => {
          if (options.retries) options.retries.count += 1;
        },
        options.maxAttempts,
        options.lanes === undefined ? {} : { lanes: options.lanes },
      ).append(event(subjectId, n)),
    ),
  );
const chainSeqs = async (subjectId: string) =>
  (
    await client.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `SUBJECT#${subjectId}` },
        ConsistentRead: true,
      }),
    )
  ).Items?.map((item) => Number(item['seq'])) ?? [];

describe('Class: DynamoAuditLog (16 appends in flight on one subject)', () => {
  it('lands all 16 appends over the lanes, every lane verifying from genesis', async () => {
    // Prepare
    const subjectId = randomUUID();
    const retries = { count: 0 };

    // Act
    const outcomes = await burst(subjectId, { retries });

    // Assess
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    const trail = await new DynamoAuditTrail(client, TABLE).chain(subjectId);
    expect(verifyChain(trail, subjectId)).toEqual({ ok: true, events: IN_FLIGHT });
    // Each lost race moved to another lane at once: far fewer than one chain's ~2.7 per append (docs/architecture.md).
    expect(retries.count).toBeLessThan(IN_FLIGHT * 2);
  });

  it('lands all 16 on one lane (the single chain before lanes) with the default retry budget, unforked', async () => {
    // Prepare
    const subjectId = randomUUID();

    // Act
    const outcomes = await burst(subjectId, { lanes: 1 });

    // Assess
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect((await chainSeqs(subjectId)).sort((a, b) => a - b)).toEqual(Array.from({ length: IN_FLIGHT }, (_, n) => n + 1));
  });

  it('fails the appends that run out of attempts as 503 audit_busy with a 1-3 s Retry-After, never a 500', async () => {
    // Prepare
    const subjectId = randomUUID();

    // Act: one lane and one attempt each, so all but the winners of the first races run out
    const outcomes = await burst(subjectId, { maxAttempts: 1, lanes: 1 });

    // Assess
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(AuditAppendError);
      const response = errorResponse(failure, 'req-x');
      expect(response.statusCode).toBe(503);
      expect(Number(response.headers?.['Retry-After'])).toBeGreaterThanOrEqual(1);
      expect(Number(response.headers?.['Retry-After'])).toBeLessThanOrEqual(3);
      expect(JSON.parse(response.body).error).toMatchObject({ code: 'audit_busy', requestId: 'req-x' });
      expect(response.body).not.toMatch(/AuditAppendError|dynamo-audit-log|\.ts:\d+/);
    }
    expect(await chainSeqs(subjectId)).toHaveLength(IN_FLIGHT - failures.length);
  });
});
