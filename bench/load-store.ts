import { GetCommand, type DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { localTableName } from '../local/stand-ins';
import { createDocumentClient } from '../shared/adapters/aws/dynamo-client';
import { HmacBlindIndex } from '../shared/adapters/hmac-blind-index';
import { localBlindIndexKey } from '../shared/adapters/local/keyring';
import { APPOINTMENT_PREFIX, familyKey, loginKey, SESSION_PREFIX, userKey } from '../shared/data/keys';
import { normalizeEmail } from '../shared/domain/email';
import type { LoadTarget } from './load-api';

/**
 * What a storm left in the store, read straight from the backend's dynalite (its endpoint is
 * printed by `npm start`): audit events per request id, failed-login counters, refresh-token
 * families, a patient's symptom sessions, a party's appointments. Counts only: nothing is printed.
 */
export class LoadStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly blindIndex: HmacBlindIndex;

  public constructor(target: LoadTarget) {
    this.client = createDocumentClient({ endpoint: target.dynamodbEndpoint });
    this.blindIndex = new HmacBlindIndex(async () => localBlindIndexKey(target.dataDir));
  }

  /** How many audit events each request id has, among the events written since `sinceIso`. */
  public async auditCounts(sinceIso: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new ScanCommand({
          TableName: localTableName('audit'),
          ProjectionExpression: 'requestId',
          FilterExpression: '#at >= :since',
          ExpressionAttributeNames: { '#at': 'at' },
          ExpressionAttributeValues: { ':since': sinceIso },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const id = String(item['requestId']);
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return counts;
  }

  /** The per-e-mail (all sources) failed-login counter of ADR 0018: 0 when there is none. */
  public async loginFailures(email: string): Promise<number> {
    const index = await this.blindIndex.of(normalizeEmail(email));
    const { Item } = await this.client.send(new GetCommand({ TableName: localTableName('identity'), Key: { pk: loginKey(index) }, ConsistentRead: true }));
    return Number(Item?.['failures'] ?? 0);
  }

  /** A refresh-token family as stored. */
  public async family(familyId: string): Promise<{ generation: number; revoked: boolean; revokedReason?: string; currentHash: string } | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: localTableName('sessions'), Key: { pk: familyKey(familyId) }, ConsistentRead: true }));
    if (Item === undefined) return undefined;
    return {
      generation: Number(Item['generation']),
      revoked: Item['revoked'] === true,
      currentHash: String(Item['currentHash']),
      ...(Item['revokedReason'] ? { revokedReason: String(Item['revokedReason']) } : {}),
    };
  }

  /** The ids of a patient's stored symptom sessions. */
  public async sessionIds(userId: string): Promise<Set<string>> {
    const items = await this.query(userId, SESSION_PREFIX);
    return new Set(items.map((item) => String(item['sk']).slice(SESSION_PREFIX.length).split('#')[0]!));
  }

  /** A party's copies of its appointments: id and status. */
  public async appointments(holderId: string): Promise<{ id: string; status: string }[]> {
    const items = await this.query(holderId, APPOINTMENT_PREFIX);
    return items.map((item) => ({ id: String(item['sk']).slice(APPOINTMENT_PREFIX.length), status: String(item['status']) }));
  }

  public close(): void {
    this.client.destroy();
  }

  private async query(userId: string, prefix: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: localTableName('records'),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': userKey(userId), ':prefix': prefix },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
  }
}
