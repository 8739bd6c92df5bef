import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, describe, expect, it } from 'vitest';
import { kmsKeyProbe, queueProbe, tableProbe } from '../../shared/adapters/aws/health-probes';
import { secretsManagerKey, secretsManagerString } from '../../shared/adapters/aws/secrets-manager-key';
import { ensureLocalKeys } from '../../shared/adapters/local/keyring';
import { localKeyringProbe } from '../../shared/adapters/local/keyring-probe';
import { checkDependencies } from '../../shared/platform/check-dependencies';

/** The health probes and the secret reads moved into the adapters, on scripted clients (no network). */
const scripted = <C>(answer: (command: unknown) => unknown) => {
  const sent: { command: unknown; options: unknown }[] = [];
  const client = {
    send: async (command: unknown, options?: unknown) => {
      sent.push({ command, options });
      const result = answer(command);
      if (result instanceof Error) throw result;
      return result;
    },
  } as unknown as C;
  return { client, sent };
};

const dataDir = mkdtempSync(join(tmpdir(), 'carebow-probes-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('Function: tableProbe', () => {
  it('describes the named table with the check signal, and is up only while it is ACTIVE', async () => {
    // Prepare
    let status = 'ACTIVE';
    const { client, sent } = scripted<DynamoDBClient>(() => ({ Table: { TableStatus: status } }));
    const probe = tableProbe(client, 'table:records', 'carebow-prod-records');
    const signal = new AbortController().signal;

    // Act
    await probe.check(signal);
    status = 'UPDATING';
    const down = await probe.check(signal).catch((error: Error) => error);

    // Assess
    expect(probe.name).toBe('table:records');
    expect(sent[0]!.command).toBeInstanceOf(DescribeTableCommand);
    expect((sent[0]!.command as DescribeTableCommand).input).toEqual({ TableName: 'carebow-prod-records' });
    expect(sent[0]!.options).toEqual({ abortSignal: signal });
    expect(down).toMatchObject({ name: 'TableNotActive' });
  });
});

describe('Function: kmsKeyProbe', () => {
  it('describes the key and is down (KeyDisabled) when it is not enabled', async () => {
    // Prepare
    let enabled = true;
    const { client, sent } = scripted<KMSClient>(() => ({ KeyMetadata: { Enabled: enabled } }));
    const probe = kmsKeyProbe('alias/signing', client);

    // Act
    await probe.check(new AbortController().signal);
    enabled = false;
    const down = await probe.check(new AbortController().signal).catch((error: Error) => error);

    // Assess
    expect(probe.name).toBe('keys:kms');
    expect(sent[0]!.command).toBeInstanceOf(DescribeKeyCommand);
    expect((sent[0]!.command as DescribeKeyCommand).input).toEqual({ KeyId: 'alias/signing' });
    expect(down).toMatchObject({ name: 'KeyDisabled' });
  });
});

describe('Function: queueProbe', () => {
  it('asks the queue for one attribute and reports only the error name when it fails', async () => {
    // Prepare
    const { client, sent } = scripted<SQSClient>(() => Object.assign(new Error('https://sqs.example/000000000000/q is gone'), { name: 'QueueDoesNotExist' }));
    const probe = queueProbe(client, 'queue:triage', 'https://sqs.example/000000000000/q');

    // Act
    const report = await checkDependencies([probe]);

    // Assess
    expect(sent[0]!.command).toBeInstanceOf(GetQueueAttributesCommand);
    expect((sent[0]!.command as GetQueueAttributesCommand).input).toEqual({
      QueueUrl: 'https://sqs.example/000000000000/q',
      AttributeNames: ['ApproximateNumberOfMessages'],
    });
    expect(report).toEqual({
      status: 'degraded',
      dependencies: [{ name: 'queue:triage', status: 'down', latencyMs: expect.any(Number), detail: 'QueueDoesNotExist' }],
    });
  });
});

describe('Function: localKeyringProbe', () => {
  it('is up when the keyring holds the token-signing key', async () => {
    // Prepare
    ensureLocalKeys(dataDir);

    // Act
    const report = await checkDependencies([localKeyringProbe(dataDir)]);

    // Assess
    expect(report.dependencies).toEqual([{ name: 'keys:local-keyring', status: 'ok', latencyMs: expect.any(Number) }]);
  });
});

describe('Function: secretsManagerString', () => {
  it('reads the secret on each call', async () => {
    // Prepare
    const { client, sent } = scripted<SecretsManagerClient>(() => ({ SecretString: 'sk-test' }));
    const read = secretsManagerString('carebow/openai', client);

    // Act
    const values = [await read(), await read()];

    // Assess
    expect(values).toEqual(['sk-test', 'sk-test']);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.command).toBeInstanceOf(GetSecretValueCommand);
    expect((sent[0]!.command as GetSecretValueCommand).input).toEqual({ SecretId: 'carebow/openai' });
  });

  it.each([[undefined], ['']])('fails on a missing or empty secret (%j), naming no secret', async (SecretString) => {
    // Prepare
    const { client } = scripted<SecretsManagerClient>(() => ({ SecretString }));

    // Act
    const error = await secretsManagerString('carebow/openai', client)().catch((e: Error) => e);

    // Assess
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toContain('carebow/openai');
  });
});

describe('Function: secretsManagerKey', () => {
  it('gives the blind-index key bytes, and refuses one shorter than 32 characters', async () => {
    // Prepare
    const long = 'k'.repeat(32);
    const { client } = scripted<SecretsManagerClient>((command) => ({
      SecretString: (command as GetSecretValueCommand).input.SecretId === 'long' ? long : 'short',
    }));

    // Act, Assess
    expect(await secretsManagerKey('long', client)()).toEqual(Buffer.from(long, 'utf8'));
    await expect(secretsManagerKey('short', client)()).rejects.toThrow('The blind-index secret is missing or too short');
  });
});
