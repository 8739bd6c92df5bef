import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOGIN_CLAIM_ATTEMPTS } from '../../domain/lockout';
import type { AttemptClaim, LoginAttemptStore } from '../../identity/ports';
import { loginKey } from '../../data/keys';
import { conditionalWrite } from './dynamo-kit';

/** A day without failures forgets the count (DynamoDB TTL; reads ignore expired items too). */
const FORGET_AFTER_SECONDS = 86_400;
const key = (emailIndex: string) => ({ pk: loginKey(emailIndex) });

/** Consecutive failures per counter key (an e-mail's blind index, or a keyed hash of e-mail and source; ADR 0018), as `loginKey(key)` items in the identity table. */
export class DynamoLoginAttempts implements LoginAttemptStore {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async get(emailIndex: string): Promise<{ failures: number; lockedUntil?: number } | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key(emailIndex), ConsistentRead: true }));
    if (Item === undefined || Number(Item['expiresAt']) * 1000 <= Date.now()) return undefined;
    return { failures: Number(Item['failures']), ...(Item['lockedUntil'] ? { lockedUntil: Number(Item['lockedUntil']) } : {}) };
  }

  public async recordFailure(emailIndex: string, now: Date, lockedUntil: (failures: number) => number | undefined): Promise<number> {
    const nowEpoch = Math.floor(now.getTime() / 1000);
    const expiresAt = nowEpoch + FORGET_AFTER_SECONDS;
    const values = { ':one': 1, ':expiresAt': expiresAt, ':kind': 'login-attempts' };
    // A fresh or forgotten count restarts at one (dynalite never expires items, so check here);
    // otherwise ADD is atomic, so concurrent failures are all counted.
    const restarted = await conditionalWrite(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: key(emailIndex),
        UpdateExpression: 'SET failures = :one, expiresAt = :expiresAt, kind = :kind REMOVE lockedUntil',
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
        ExpressionAttributeValues: { ...values, ':now': nowEpoch },
      }),
    );
    const failures = restarted
      ? 1
      : Number(
          (
            await this.client.send(
              new UpdateCommand({
                TableName: this.tableName,
                Key: key(emailIndex),
                UpdateExpression: 'ADD failures :one SET expiresAt = :expiresAt, kind = :kind',
                ExpressionAttributeValues: values,
                ReturnValues: 'ALL_NEW',
              }),
            )
          ).Attributes?.['failures'] ?? 1,
        );
    const until = lockedUntil(failures);
    if (until !== undefined) {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key(emailIndex),
          UpdateExpression: 'SET lockedUntil = :until',
          ExpressionAttributeValues: { ':until': until },
        }),
      );
    }
    return failures;
  }

  public async claim(counterKey: string, now: Date, lockedUntil: (attempts: number) => number | undefined): Promise<AttemptClaim> {
    const nowMs = now.getTime();
    const nowEpoch = Math.floor(nowMs / 1000);
    for (let round = 0; round < LOGIN_CLAIM_ATTEMPTS; round++) {
      const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key(counterKey), ConsistentRead: true }));
      // dynalite never expires items: a count past its day is forgotten here.
      const live = Item !== undefined && Number(Item['expiresAt']) > nowEpoch ? Item : undefined;
      const locked = Number(live?.['lockedUntil'] ?? 0);
      if (locked > nowMs) return { ok: false, lockedUntil: locked };
      const attempts = Number(live?.['failures'] ?? 0) + 1;
      const until = lockedUntil(attempts);
      const written = await conditionalWrite(
        this.client,
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...key(counterKey),
            failures: attempts,
            expiresAt: nowEpoch + FORGET_AFTER_SECONDS,
            kind: 'login-attempts',
            ...(until ? { lockedUntil: until } : {}),
          },
          // On exactly the count read (or its absence): a concurrent claim in between makes this one read again.
          ...(live === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now', ExpressionAttributeValues: { ':now': nowEpoch } }
            : { ConditionExpression: 'failures = :read', ExpressionAttributeValues: { ':read': attempts - 1 } }),
        }),
      );
      if (written) return { ok: true, attempts };
    }
    return { ok: false, lockedUntil: nowMs + 1000 };
  }

  public async clear(emailIndex: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: key(emailIndex) }));
  }
}
