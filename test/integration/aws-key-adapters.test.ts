import { createHash, createPublicKey, randomUUID, verify } from 'node:crypto';
import { CreateKeyCommand, DecryptCommand, DescribeKeyCommand, GetPublicKeyCommand, KMSClient, ListKeysCommand, SignCommand } from '@aws-sdk/client-kms';
import { CreateSecretCommand, GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoDataKeyReader, DynamoDataKeyRepository } from '../../shared/adapters/aws/dynamo-data-key-repository';
import { KmsDataKeyService } from '../../shared/adapters/aws/kms-data-keys';
import { KmsSigningKeyService } from '../../shared/adapters/aws/kms-signing-keys';
import { KmsTokenSigner } from '../../shared/adapters/aws/kms-token-signer';
import { kmsSignedAccessToken } from '../helpers/kms-access-token';
import { secretsManagerKey, secretsManagerString } from '../../shared/adapters/aws/secrets-manager-key';
import { publishedJwk } from '../../shared/adapters/token-signing-key';
import { OpenAiTriageModel } from '../../shared/adapters/openai/openai-triage-model';
import { ModelError, type MinimizedCase } from '../../shared/triage/model';
import { userKey } from '../../shared/data/keys';
import { places } from '../../shared/vault/places';
import { SealingVault, Vault } from '../../shared/vault/vault';
import { CANARY } from '../helpers/canaries';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';

/**
 * docs/security.md (the AWS key adapters): the KMS token signer, the KMS data-key service and the Secrets Manager
 * loaders, each the production adapter on the real SDK client, against the protocol-level stand-ins of
 * `local/kms-standin.ts` and `local/secrets-manager-standin.ts` (the backend runs with `CAREBOW_KEYS=kms-standin`; the
 * clients find the stand-ins through `AWS_ENDPOINT_URL_KMS` / `AWS_ENDPOINT_URL_SECRETS_MANAGER`, as a Lambda's clients
 * would find KMS).
 */
let backend: TestBackend;
let fake: FakeOpenAi;
let kms: KMSClient;
let secrets: SecretsManagerClient;

beforeAll(async () => {
  vi.stubEnv('CAREBOW_KEYS', 'kms-standin');
  backend = await startTestBackend();
  fake = await startFakeOpenAi();
  kms = new KMSClient({});
  secrets = new SecretsManagerClient({});
});
afterAll(async () => {
  kms?.destroy();
  secrets?.destroy();
  await fake?.stop();
  await backend?.stop();
  vi.unstubAllEnvs();
});
beforeEach(() => {
  fake.reset();
});

const errorOf = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
};

describe('KMS stand-in: the token signer', () => {
  it('signs the login token with KMS Sign, and it verifies under the published JWKS and through the authorizer', async () => {
    // Prepare
    const signsBefore = backend.keyStandIns!.kms.calls.filter((call) => call === 'Sign').length;

    // Act
    const { accessToken } = await signUp(backend, 'kms-signed@example.com');
    const jwks = (await backend.call('GET', '/.well-known/jwks.json')).json;
    const me = await backend.call('GET', '/api/v1/me', { token: accessToken });

    // Assess
    expect(backend.keyStandIns!.kms.calls.filter((call) => call === 'Sign').length).toBe(signsBefore + 1);
    const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: process.env.TOKEN_SIGNING_KEY_ID }));
    const kmsJwk = await publishedJwk(createPublicKey({ key: Buffer.from(PublicKey!), format: 'der', type: 'spki' }));
    expect(jwks.keys).toEqual([kmsJwk]);
    const { payload, protectedHeader } = await jwtVerify(accessToken, createLocalJWKSet(jwks), { issuer: process.env.AUTH_ISSUER!, algorithms: ['ES256'] });
    expect(protectedHeader.kid).toBe(kmsJwk.kid);
    expect(payload.token_use).toBe('access');
    expect(me.status).toBe(200);
  });

  it('refuses (401) a token that KMS signed with a key the JWKS does not publish', async () => {
    // Prepare
    const { userId } = await signUp(backend, 'kms-other-key@example.com');
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));
    const published = new KmsTokenSigner(process.env.TOKEN_SIGNING_KEY_ID!, kms);
    const unpublished = new KmsTokenSigner(KeyMetadata!.Arn!, kms);

    // Act
    const control = await backend.call('GET', '/api/v1/me', { token: await kmsSignedAccessToken(published, userId) });
    const refused = await backend.call('GET', '/api/v1/me', { token: await kmsSignedAccessToken(unpublished, userId) });

    // Assess
    expect(control.status).toBe(200);
    expect(refused.status).toBe(401);
  });

  it('signs a digest (MessageType DIGEST) in DER that verifies over the message, as KMS does', async () => {
    // Prepare
    const message = Buffer.from('audit digest 2026-11-27');
    const keyId = process.env.TOKEN_SIGNING_KEY_ID!;

    // Act
    const raw = await kms.send(new SignCommand({ KeyId: keyId, Message: message, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }));
    const digest = await kms.send(
      new SignCommand({ KeyId: keyId, Message: createHash('sha256').update(message).digest(), MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' }),
    );

    // Assess
    const { PublicKey, KeySpec, KeyUsage } = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
    const publicKey = createPublicKey({ key: Buffer.from(PublicKey!), format: 'der', type: 'spki' });
    expect([KeySpec, KeyUsage]).toEqual(['ECC_NIST_P256', 'SIGN_VERIFY']);
    expect(verify('sha256', message, publicKey, raw.Signature!)).toBe(true);
    expect(verify('sha256', message, publicKey, digest.Signature!)).toBe(true);
    expect(verify('sha256', Buffer.from('another message'), publicKey, digest.Signature!)).toBe(false);
  });

  it('creates a tagged signing key for the CLI, and schedules its deletion idempotently: a key pending deletion signs nothing', async () => {
    // Prepare
    const service = new KmsSigningKeyService(kms, {
      ringTag: backend.tables.keys,
      stackKeyArn: process.env.TOKEN_SIGNING_KEY_ID!,
      description: 'rotation test',
    });

    // Act
    const created = await service.create();
    const signer = new KmsTokenSigner(created.keyRef, kms);
    const before = await signer.sign(new TextEncoder().encode('input'));
    const kid = await signer.keyId();
    await service.dispose(created.keyRef);
    await service.dispose(created.keyRef);
    await service.dispose(process.env.TOKEN_SIGNING_KEY_ID!);
    const after = await errorOf(signer.sign(new TextEncoder().encode('input')));
    const described = await kms.send(new DescribeKeyCommand({ KeyId: created.keyRef }));
    const stackKey = await kms.send(new DescribeKeyCommand({ KeyId: process.env.TOKEN_SIGNING_KEY_ID }));

    // Assess
    expect(created.jwk.kid).toBe(kid);
    expect(before).toHaveLength(64);
    expect(after.name).toBe('KMSInvalidStateException');
    expect(described.KeyMetadata).toMatchObject({ KeyState: 'PendingDeletion', Enabled: false, KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    expect(stackKey.KeyMetadata).toMatchObject({ KeyState: 'Enabled', Enabled: true });
  });

  it('answers an operation it does not serve with 400 UnknownOperationException, and an unsigned request with 400', async () => {
    // Act
    const error = await errorOf(kms.send(new ListKeysCommand({})));
    const unsigned = await fetch(backend.keyStandIns!.kms.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.DescribeKey' },
      body: JSON.stringify({ KeyId: process.env.TOKEN_SIGNING_KEY_ID }),
    });

    // Assess
    expect(error.name).toBe('UnknownOperationException');
    expect((error as Error & { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(400);
    expect([unsigned.status, ((await unsigned.json()) as { __type: string }).__type]).toEqual([400, 'MissingAuthenticationTokenException']);
  });
});

describe('KMS stand-in: what a warm function asks of KMS and Secrets Manager', () => {
  it('makes no KMS or Secrets Manager call for warm requests that open sealed fields (the vault and the key caches absorb them)', async () => {
    // Prepare: a user whose e-mail is sealed; the first GET /me warms the vault, the JWKS and the blind-index caches
    const { accessToken } = await signUp(backend, 'kms-warm@example.com');
    expect((await backend.call('GET', '/api/v1/me', { token: accessToken })).status).toBe(200);
    const kmsBefore = backend.keyStandIns!.kms.calls.length;
    const secretsBefore = backend.keyStandIns!.secrets.calls.length;

    // Act
    const statuses: number[] = [];
    for (let request = 0; request < 10; request += 1) statuses.push((await backend.call('GET', '/api/v1/me', { token: accessToken })).status);

    // Assess
    expect(statuses).toEqual(Array(10).fill(200));
    expect(backend.keyStandIns!.kms.calls.slice(kmsBefore)).toEqual([]);
    expect(backend.keyStandIns!.secrets.calls.slice(secretsBefore)).toEqual([]);
  });
});

describe('KMS stand-in: data keys bound to their encryption context', () => {
  it('unwraps a data key for its own user, and refuses it for another user with InvalidCiphertextException', async () => {
    // Prepare
    const dataKeys = new KmsDataKeyService(process.env.DATA_KEY_ID!, kms);
    const { plaintext, wrapped } = await dataKeys.generate('user-a');

    // Act
    const own = await dataKeys.unwrap('user-a', wrapped);
    const other = await errorOf(dataKeys.unwrap('user-b', wrapped));

    // Assess
    expect(plaintext).toHaveLength(32);
    expect(Buffer.from(own).equals(Buffer.from(plaintext))).toBe(true);
    expect(other.name).toBe('InvalidCiphertextException');
  });

  it('refuses a missing context, a changed byte and another key id, as KMS does', async () => {
    // Prepare
    const { wrapped } = await new KmsDataKeyService(process.env.DATA_KEY_ID!, kms).generate('user-c');
    const context = { purpose: 'carebow-phi', userId: 'user-c' };
    const flipped = Buffer.from(wrapped);
    flipped[flipped.length - 20]! ^= 0x01;
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));

    // Act
    const reordered = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { userId: 'user-c', purpose: 'carebow-phi' } }));
    const noContext = await errorOf(kms.send(new DecryptCommand({ CiphertextBlob: wrapped })));
    const changed = await errorOf(kms.send(new DecryptCommand({ CiphertextBlob: flipped, EncryptionContext: context })));
    const otherKey = await errorOf(kms.send(new DecryptCommand({ KeyId: KeyMetadata!.Arn!, CiphertextBlob: wrapped, EncryptionContext: context })));

    // Assess
    expect(reordered.Plaintext).toHaveLength(32);
    expect(reordered.KeyId).toBe(process.env.DATA_KEY_ID);
    expect([noContext.name, changed.name, otherKey.name]).toEqual(['InvalidCiphertextException', 'InvalidCiphertextException', 'IncorrectKeyException']);
  });

  it('fails a vault open cleanly, without plaintext, when a stored data key is moved to another user', async () => {
    // Prepare: two users' keys made by KMS through the vault, in the keys table; a field sealed under A's key
    const client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
    const table = backend.tables.keys;
    const keyService = new KmsDataKeyService(process.env.DATA_KEY_ID!, kms);
    const [a, b] = [`user-${randomUUID()}`, `user-${randomUUID()}`];
    const writer = new Vault(new DynamoDataKeyRepository(client, table), keyService);
    await writer.createKey(a);
    await writer.createKey(b);
    const sealed = await writer.seal(places.profile(a), CANARY.name);
    const freshVault = () => new SealingVault(new DynamoDataKeyReader(client, table), keyService);
    const control = await freshVault().open(places.profile(a), sealed);
    const bKeys = (await backend.items('keys')).find((item) => item.pk === userKey(b))!;

    // Act: someone with write access to the table gives A's item B's wrapped key
    await client.send(new PutCommand({ TableName: table, Item: { ...bKeys, pk: userKey(a) } }));
    const error = await errorOf(freshVault().open(places.profile(a), sealed));

    // Assess
    expect(control).toBe(CANARY.name);
    expect(error.name).toBe('InvalidCiphertextException');
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(CANARY.name);
    client.destroy();
  });
});

const CASE: MinimizedCase = {
  ageBand: '40-64',
  sex: 'female',
  symptoms: [{ name: 'sore throat', severity: 3, durationHours: 30, onset: 'gradual' }],
  relevantConditions: [],
};

describe('Secrets Manager stand-in: a rotated secret', () => {
  it('is read by secretsManagerString on its next call, while AWSPREVIOUS keeps the old value', async () => {
    // Prepare
    const name = `carebow-test/rotated-${randomUUID()}`;
    await secrets.send(new CreateSecretCommand({ Name: name, SecretString: 'value-one' }));
    const load = secretsManagerString(name, secrets);
    const before = await load();

    // Act
    await secrets.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'value-two' }));
    const after = await load();
    const previous = await secrets.send(new GetSecretValueCommand({ SecretId: name, VersionStage: 'AWSPREVIOUS' }));

    // Assess
    expect([before, after]).toEqual(['value-one', 'value-two']);
    expect(previous.SecretString).toBe('value-one');
    expect(previous.VersionStages).toEqual(['AWSPREVIOUS']);
  });

  it('reaches the model adapter when the provider rejects the old key: it keeps its key until then, and loads the new one after', async () => {
    // Prepare: the model key as in AWS, a Secrets Manager secret read by the real loader
    const name = `carebow-test/model-key-${randomUUID()}`;
    await secrets.send(new CreateSecretCommand({ Name: name, SecretString: 'sk-old-0001' }));
    const model = new OpenAiTriageModel({
      apiKey: secretsManagerString(name, secrets),
      model: 'gpt-4o-mini',
      baseURL: fake.url,
      timeoutMs: 2_000,
      maxRetries: 1,
    });
    await model.assess(CASE);

    // Act: rotate; the old key still answers once, then the provider revokes it
    backend.keyStandIns!.secrets.putSecretValue(name, 'sk-new-0002');
    await model.assess(CASE);
    fake.setMode('unauthorized', { times: 1 });
    const rejected = await errorOf(model.assess(CASE));
    await model.assess(CASE);

    // Assess
    expect(rejected).toBeInstanceOf(ModelError);
    expect(fake.recorded.map((request) => request.headers.authorization)).toEqual([
      'Bearer sk-old-0001',
      'Bearer sk-old-0001',
      'Bearer sk-old-0001',
      'Bearer sk-new-0002',
    ]);
  });

  it('serves the blind-index key the backend reads, and refuses a missing secret with ResourceNotFoundException', async () => {
    // Act
    const key = await secretsManagerKey(process.env.BLIND_INDEX_SECRET_ID!, secrets)();
    const missing = await errorOf(secretsManagerString('carebow-test/none', secrets)());

    // Assess
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(missing.name).toBe('ResourceNotFoundException');
  });
});
