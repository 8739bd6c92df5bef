import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SIGNING_KEY_RING } from '../../data/keys';
import type { SigningKeyRing } from '../../domain/signing-key-ring';
import type { SigningKeyRingStore } from '../../identity/ports';
import * as z from '../../zod';
import { conditionalWrite } from './dynamo-kit';

/** The stored item, checked on every read: a ring that does not parse signs nothing. Built on first use, so bundles that never read the ring do not carry it. */
let ringSchema: ReturnType<typeof buildRingSchema> | undefined;
const buildRingSchema = () => {
  const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
  const time = text(40);
  const jwk = z.strictObject({
    kty: text(8),
    crv: z.optional(text(16)),
    x: z.optional(text(64)),
    y: z.optional(text(64)),
    kid: text(128),
    alg: text(16),
    use: text(8),
  });
  const entry = z.strictObject({
    kid: text(128),
    keyRef: text(2048),
    state: z.enum(['next', 'active', 'retiring', 'retired']),
    jwk: z.optional(jwk),
    createdAt: time,
    activatedAt: z.optional(time),
    retiringAt: z.optional(time),
    retiredAt: z.optional(time),
  });
  return z.strictObject({ pk: z.literal(SIGNING_KEY_RING), version: z.number().check(z.int(), z.positive()), keys: z.array(entry).check(z.maxLength(16)) });
};

/**
 * The signing-key ring: one item (`pk` = `SIGNING_KEYS`) of the keys table, replaced whole under a
 * version check, so each transition is one conditional write and two operators cannot both win.
 */
export class DynamoSigningKeyRing implements SigningKeyRingStore {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async get(): Promise<SigningKeyRing | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: SIGNING_KEY_RING }, ConsistentRead: true }));
    if (Item === undefined) return undefined;
    ringSchema ??= buildRingSchema();
    const { version, keys } = ringSchema.parse(Item);
    return { version, keys } as SigningKeyRing;
  }

  public put(ring: SigningKeyRing): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: SIGNING_KEY_RING, version: ring.version, keys: ring.keys },
        ...(ring.version === 1
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: '#version = :previous',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':previous': ring.version - 1 },
            }),
      }),
    );
  }
}
