import { createPublicKey, generateKeyPairSync, sign as ecdsaSign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KMSClient } from '@aws-sdk/client-kms';
import { DELETION_WINDOW_DAYS, KmsSigningKeyService, SIGNING_KEY_RING_TAG } from '../../shared/adapters/aws/kms-signing-keys';
import { KmsTokenSigner } from '../../shared/adapters/aws/kms-token-signer';
import { publishedJwk } from '../../shared/adapters/token-signing-key';

type Sent = { readonly name: string; readonly input: Record<string, unknown> };

/**
 * A hand-written KMS: `send` records each command by its class name and answers CreateKey, GetPublicKey and Sign
 * from real P-256 keys; `fail` makes one command throw an error of the given name.
 */
const fakeKms = () => {
  const keys = new Map<string, ReturnType<typeof generateKeyPairSync>>();
  const sent: Sent[] = [];
  const failures = new Map<string, string>();
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const name = command.constructor.name;
      sent.push({ name, input: command.input });
      const failure = failures.get(name);
      if (failure !== undefined) throw Object.assign(new Error(failure), { name: failure });
      const keyId = command.input['KeyId'] as string;
      switch (name) {
        case 'CreateKeyCommand': {
          const arn = `arn:aws:kms:eu-west-1:111122223333:key/k${keys.size + 1}`;
          keys.set(arn, generateKeyPairSync('ec', { namedCurve: 'P-256' }));
          return { KeyMetadata: { Arn: arn, KeyId: `k${keys.size}` } };
        }
        case 'GetPublicKeyCommand':
          return { KeySpec: 'ECC_NIST_P256', PublicKey: new Uint8Array(keys.get(keyId)!.publicKey.export({ format: 'der', type: 'spki' })) };
        case 'SignCommand':
          return { Signature: new Uint8Array(ecdsaSign('sha256', command.input['Message'] as Uint8Array, keys.get(keyId)!.privateKey)) };
        default:
          return {};
      }
    },
  };
  return { client: client as unknown as KMSClient, sent, keys, fail: (name: string, errorName: string) => failures.set(name, errorName) };
};

const TARGET = {
  ringTag: 'CareBow-dev-KeysTable',
  stackKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/stack',
  description: 'CareBow dev: signs access tokens',
};

describe('KmsSigningKeyService', () => {
  it('creates an ECC_NIST_P256 SIGN_VERIFY key tagged with the stage ring, and returns its ARN and public JWK', async () => {
    // Prepare
    const kms = fakeKms();
    const service = new KmsSigningKeyService(kms.client, TARGET);

    // Act
    const created = await service.create();

    // Assess
    expect(kms.sent[0]).toEqual({
      name: 'CreateKeyCommand',
      input: {
        KeySpec: 'ECC_NIST_P256',
        KeyUsage: 'SIGN_VERIFY',
        Description: TARGET.description,
        Tags: [{ TagKey: SIGNING_KEY_RING_TAG, TagValue: TARGET.ringTag }],
      },
    });
    expect(created.keyRef).toBe('arn:aws:kms:eu-west-1:111122223333:key/k1');
    expect(created.jwk).toEqual(await publishedJwk(kms.keys.get(created.keyRef)!.publicKey));
  });

  it('schedules the deletion of a key it cannot read back, so no unlisted key stays usable', async () => {
    // Prepare
    const kms = fakeKms();
    kms.fail('GetPublicKeyCommand', 'KMSInternalException');

    // Act
    const act = new KmsSigningKeyService(kms.client, TARGET).create();

    // Assess
    await expect(act).rejects.toThrow('KMSInternalException');
    expect(kms.sent.at(-1)).toEqual({
      name: 'ScheduleKeyDeletionCommand',
      input: { KeyId: 'arn:aws:kms:eu-west-1:111122223333:key/k1', PendingWindowInDays: DELETION_WINDOW_DAYS },
    });
  });

  it('schedules a rotated key for deletion after the minimum 7 days, and accepts one already pending deletion', async () => {
    // Prepare
    const kms = fakeKms();
    const service = new KmsSigningKeyService(kms.client, TARGET);

    // Act
    await service.dispose('arn:aws:kms:eu-west-1:111122223333:key/k9');
    kms.fail('ScheduleKeyDeletionCommand', 'KMSInvalidStateException');
    await service.dispose('arn:aws:kms:eu-west-1:111122223333:key/k9');

    // Assess
    expect(DELETION_WINDOW_DAYS).toBe(7);
    expect(kms.sent.map((s) => s.name)).toEqual(['ScheduleKeyDeletionCommand', 'ScheduleKeyDeletionCommand']);
    expect(kms.sent[0]!.input).toEqual({ KeyId: 'arn:aws:kms:eu-west-1:111122223333:key/k9', PendingWindowInDays: 7 });
  });

  it('leaves the stack’s own key alone, which CloudFormation owns and the health check probes', async () => {
    // Prepare
    const kms = fakeKms();

    // Act
    await new KmsSigningKeyService(kms.client, TARGET).dispose(TARGET.stackKeyArn);

    // Assess
    expect(kms.sent).toEqual([]);
  });

  it('passes on any other KMS failure', async () => {
    // Prepare
    const kms = fakeKms();
    kms.fail('ScheduleKeyDeletionCommand', 'AccessDeniedException');

    // Act
    const act = new KmsSigningKeyService(kms.client, TARGET).dispose('arn:aws:kms:eu-west-1:111122223333:key/k9');

    // Assess
    await expect(act).rejects.toThrow('AccessDeniedException');
  });
});

describe('KmsTokenSigner', () => {
  it('signs with the key it is given, in JOSE form, verifiable with the published JWK', async () => {
    // Prepare
    const kms = fakeKms();
    const { keyRef, jwk } = await new KmsSigningKeyService(kms.client, TARGET).create();
    const signer = new KmsTokenSigner(keyRef, kms.client);
    const input = Buffer.from('header.payload');

    // Act
    const signature = await signer.sign(input);

    // Assess
    expect(kms.sent.at(-1)).toMatchObject({ name: 'SignCommand', input: { KeyId: keyRef, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' } });
    expect(signature).toHaveLength(64);
    expect(verify('sha256', input, { key: createPublicKey({ key: jwk as never, format: 'jwk' }), dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
    expect(await signer.keyId()).toBe(jwk.kid);
  });
});
