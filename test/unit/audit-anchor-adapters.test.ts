import { generateKeyPairSync, sign } from 'node:crypto';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetPublicKeyCommand, SignCommand } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { EmfAnchorMetrics, EmfMetrics } from '../../shared/adapters/aws/emf-metrics';
import { KmsDigestSigner } from '../../shared/adapters/aws/kms-digest-signer';
import type { KmsSender } from '../../shared/adapters/aws/kms-es256';
import { S3DigestStore, type S3Sender } from '../../shared/adapters/aws/s3-digest-store';
import { buildDigest, digestBody, openDigest, signDigest } from '../../shared/audit/digest';

const KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** A hand-written S3 client: `send` answers from a map and records every command. */
const fakeS3 = (objects: Record<string, string>) => {
  const sent: unknown[] = [];
  const send = async (command: unknown) => {
    sent.push(command);
    if (command instanceof ListObjectsV2Command) {
      const keys = Object.keys(objects)
        .filter((k) => k.startsWith(command.input.Prefix ?? ''))
        .sort();
      return { Contents: keys.slice(0, command.input.MaxKeys ?? 1000).map((Key) => ({ Key })) };
    }
    if (command instanceof GetObjectCommand) {
      const body = objects[command.input.Key!];
      if (body === undefined) throw Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey' });
      return { Body: { transformToString: async () => body } };
    }
    if (command instanceof PutObjectCommand) {
      objects[command.input.Key!] = String(command.input.Body);
      return {};
    }
    throw new Error('unexpected command');
  };
  return { s3: { send } as unknown as S3Sender, sent };
};

/** A hand-written KMS client over a local P-256 key: DER signatures, as KMS returns them. */
const fakeKms = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const sent: unknown[] = [];
  const send = async (command: unknown) => {
    sent.push(command);
    if (command instanceof SignCommand) return { Signature: sign('sha256', command.input.Message!, { key: privateKey, dsaEncoding: 'der' }), KeyId: KEY_ARN };
    if (command instanceof GetPublicKeyCommand)
      return { KeyId: KEY_ARN, KeySpec: 'ECC_NIST_P256', PublicKey: publicKey.export({ format: 'der', type: 'spki' }) };
    throw new Error('unexpected command');
  };
  return { kms: { send } as unknown as KmsSender, sent };
};

describe('S3DigestStore', () => {
  it('reads the newest digest as the first key under the stage prefix', async () => {
    // Prepare
    const { s3, sent } = fakeS3({ 'dev/1-new.json': '{"n":2}', 'dev/2-old.json': '{"n":1}', 'prod/0-other.json': '{}' });
    const store = new S3DigestStore('digests-bucket', 'dev', s3);

    // Act
    const latest = await store.latest();

    // Assess
    expect(latest).toEqual({ key: 'dev/1-new.json', body: '{"n":2}' });
    expect((sent[0] as ListObjectsV2Command).input).toEqual({ Bucket: 'digests-bucket', Prefix: 'dev/', MaxKeys: 1 });
  });

  it('answers undefined for a missing digest and for an empty bucket', async () => {
    // Prepare
    const store = new S3DigestStore('digests-bucket', 'dev', fakeS3({}).s3);

    // Act
    const missing = await store.get('dev/9-missing.json');
    const latest = await store.latest();

    // Assess
    expect(missing).toBeUndefined();
    expect(latest).toBeUndefined();
  });

  it('writes a digest only if its key is new, with the checksum Object Lock requires', async () => {
    // Prepare
    const { s3, sent } = fakeS3({});
    const store = new S3DigestStore('digests-bucket', 'dev', s3);

    // Act
    await store.put({ key: 'dev/1-new.json', body: '{"n":1}' });

    // Assess
    expect((sent[0] as PutObjectCommand).input).toEqual({
      Bucket: 'digests-bucket',
      Key: 'dev/1-new.json',
      Body: '{"n":1}',
      ContentType: 'application/json',
      IfNoneMatch: '*',
      ChecksumAlgorithm: 'SHA256',
    });
  });
});

describe('KmsDigestSigner', () => {
  it('signs with the KMS key (ECDSA_SHA_256) and verifies its own digests under the key ARN', async () => {
    // Prepare
    const { kms, sent } = fakeKms();
    const signer = new KmsDigestSigner('alias/carebow-dev-audit-anchor', kms);
    const digest = buildDigest({
      stage: 'dev',
      from: 0,
      to: 300_000,
      heads: [{ subjectId: 's', lane: 0, seq: 1, hash: 'a'.repeat(64) }],
      previous: undefined,
      signingKeyId: await signer.keyId(),
    });

    // Act
    const signed = await signDigest(signer, digest);
    const opened = await openDigest(signer, { key: 'k', body: digestBody(signed) });

    // Assess
    expect(opened.signingKeyId).toBe(KEY_ARN);
    expect(Buffer.from(signed.signature, 'base64url')).toHaveLength(64);
    const signCall = sent.find((c): c is SignCommand => c instanceof SignCommand)!;
    expect(signCall.input).toMatchObject({ KeyId: 'alias/carebow-dev-audit-anchor', MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' });
    expect(sent.filter((c) => c instanceof GetPublicKeyCommand)).toHaveLength(1);
  });

  it('refuses a signature under another key id or of other bytes', async () => {
    // Prepare
    const signer = new KmsDigestSigner(KEY_ARN, fakeKms().kms);
    const message = new TextEncoder().encode('digest');
    const signature = await signer.sign(message);

    // Act
    const otherKey = await signer.verify(message, signature, 'arn:aws:kms:eu-west-1:111122223333:key/other');
    const otherBytes = await signer.verify(new TextEncoder().encode('digest!'), signature, KEY_ARN);
    const own = await signer.verify(message, signature, KEY_ARN);

    // Assess
    expect([otherKey, otherBytes, own]).toEqual([false, false, true]);
  });
});

describe('EmfAnchorMetrics', () => {
  it('writes AuditChainVerification with service and Result, and AuditDigestWritten with service', () => {
    // Prepare
    const lines: string[] = [];
    const metrics = new EmfAnchorMetrics(
      new EmfMetrics(
        'audit-anchor',
        (line) => lines.push(line),
        () => 1_700_000_000_000,
      ),
    );

    // Act
    metrics.verified('truncated', 2);
    metrics.digestWritten();

    // Assess
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      {
        _aws: {
          Timestamp: 1_700_000_000_000,
          CloudWatchMetrics: [{ Namespace: 'CareBow', Dimensions: [['service', 'Result']], Metrics: [{ Name: 'AuditChainVerification', Unit: 'Count' }] }],
        },
        service: 'audit-anchor',
        Result: 'truncated',
        AuditChainVerification: 2,
      },
      {
        _aws: {
          Timestamp: 1_700_000_000_000,
          CloudWatchMetrics: [{ Namespace: 'CareBow', Dimensions: [['service']], Metrics: [{ Name: 'AuditDigestWritten', Unit: 'Count' }] }],
        },
        service: 'audit-anchor',
        AuditDigestWritten: 1,
      },
    ]);
  });
});
