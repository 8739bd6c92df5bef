import { PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { nextRecord, storedItem, type ChainedAuditRecord } from '../../shared/audit/chain';
import type { AuditEvent, AuditTrail } from '../../shared/audit/ports';

/**
 * What a writer with table access can do: rewrite every record of a subject's chain and recompute its hashes, so the
 * chain is internally consistent and only an anchored digest can tell (ADR 0014). For the anchoring tests.
 */
export const rewriteAndRecompute = async (store: { raw: DynamoDBClient; trail: AuditTrail; table: string }, subjectId: string): Promise<void> => {
  const forged: ChainedAuditRecord[] = [];
  for (const record of await store.trail.chain(subjectId)) {
    const { seq: _s, prevHash: _p, hash: _h, at, ...rest } = record as unknown as ChainedAuditRecord & Record<string, unknown>;
    const { pk: _pk, sk: _sk, actorId: _a, anchorWindow: _w, ...fields } = rest;
    const next = nextRecord({ ...(fields as unknown as AuditEvent), reason: 'consent:forged' }, forged.at(-1), at);
    forged.push(next);
    await store.raw.send(new PutItemCommand({ TableName: store.table, Item: marshall(storedItem(next), { removeUndefinedValues: true }) }));
  }
};
