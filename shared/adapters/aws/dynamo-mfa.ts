import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mfaChallengeKey, mfaKey } from '../../data/keys';
import type { MfaChallenge, MfaChallengeStore, MfaEnrolment, MfaStore } from '../../identity/ports';
import { conditionalWrite, createOnce, deleteOnce, updateOnce, withoutKeys } from './dynamo-kit';

/** Whether an account has MFA, and nothing else (the password login): a class of its own for that bundle. */
export class DynamoMfaReader implements Pick<MfaStore, 'get'> {
  public constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  public async get(userId: string): Promise<MfaEnrolment | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: mfaKey(userId) }, ConsistentRead: true }));
    if (Item === undefined) return undefined;
    const { recoveryHashes, ...rest } = withoutKeys<Record<string, unknown>>(Item, ['kind']);
    // A string set comes back as a Set; an emptied one is removed by DynamoDB.
    return { ...rest, ...(recoveryHashes instanceof Set ? { recoveryHashes: [...recoveryHashes] as string[] } : {}) } as MfaEnrolment;
  }
}

/**
 * MFA enrolments in the identity table, one `MFA#<id>` item per account: the sealed secret, the
 * status, the last TOTP step used and the recovery-code hashes as a string set. Every change is one
 * conditional write, so a code or a recovery code is accepted once even under concurrent requests. A write whose
 * answer was lost finds itself when the SDK sends it again (`updateOnce`, `deleteOnce`; ADR 0020), so a confirmed
 * enrolment, a used code or a disabled MFA is not answered as a refusal.
 */
export class DynamoMfa extends DynamoMfaReader implements MfaStore {
  public putPending(userId: string, secretSealed: string, createdAt: string): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: mfaKey(userId), kind: 'mfa', status: 'pending', secretSealed, createdAt },
        ConditionExpression: 'attribute_not_exists(pk) OR #status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending' },
      }),
    );
  }

  public activate(userId: string, secretSealed: string, step: number, recoveryHashes: readonly string[]): Promise<boolean> {
    return updateOnce(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: mfaKey(userId) },
        // DynamoDB has no empty set: no codes, no attribute.
        UpdateExpression: `SET #status = :active, lastStep = :step${recoveryHashes.length > 0 ? ', recoveryHashes = :hashes' : ''}`,
        ConditionExpression: '#status = :pending AND secretSealed = :secret',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':active': 'active',
          ':pending': 'pending',
          ':secret': secretSealed,
          ':step': step,
          ...(recoveryHashes.length > 0 ? { ':hashes': new Set(recoveryHashes) } : {}),
        },
      }),
    );
  }

  public useStep(userId: string, step: number): Promise<boolean> {
    return updateOnce(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: mfaKey(userId) },
        UpdateExpression: 'SET lastStep = :step',
        ConditionExpression: '#status = :active AND (attribute_not_exists(lastStep) OR lastStep < :step)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':active': 'active', ':step': step },
      }),
    );
  }

  public useRecoveryCode(userId: string, hash: string): Promise<boolean> {
    return updateOnce(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: mfaKey(userId) },
        UpdateExpression: 'DELETE recoveryHashes :one',
        ConditionExpression: '#status = :active AND contains(recoveryHashes, :hash)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':active': 'active', ':hash': hash, ':one': new Set([hash]) },
      }),
    );
  }

  public remove(userId: string): Promise<boolean> {
    return deleteOnce(
      this.client,
      new DeleteCommand({
        TableName: this.tableName,
        Key: { pk: mfaKey(userId) },
        ConditionExpression: '#status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':active': 'active' },
      }),
    );
  }

  public async restore(userId: string, enrolment: MfaEnrolment): Promise<void> {
    const { recoveryHashes, ...rest } = enrolment;
    await conditionalWrite(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: mfaKey(userId), kind: 'mfa', ...rest, ...(recoveryHashes?.length ? { recoveryHashes: new Set(recoveryHashes) } : {}) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }
}

/** Login challenges as `MFACHALLENGE#<sha256>` items in the identity table, removed by TTL if never used. */
export class DynamoMfaChallenges implements MfaChallengeStore {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** `createOnce`: a create sent again after its answer was lost finds its own challenge; another still throws. */
  public create(challengeHash: string, challenge: MfaChallenge): Promise<void> {
    return createOnce(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: mfaChallengeKey(challengeHash), kind: 'mfa-challenge', ...challenge },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  public async get(challengeHash: string): Promise<MfaChallenge | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: mfaChallengeKey(challengeHash) }, ConsistentRead: true }));
    return Item === undefined ? undefined : { userId: String(Item['userId']), expiresAt: Number(Item['expiresAt']), authTime: Number(Item['authTime']) };
  }

  public consume(challengeHash: string): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new DeleteCommand({ TableName: this.tableName, Key: { pk: mfaChallengeKey(challengeHash) }, ConditionExpression: 'attribute_exists(pk)' }),
    );
  }
}
