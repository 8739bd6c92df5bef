import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { traced } from './xray';

/**
 * Reads a secret string from Secrets Manager, on each call (callers keep what they need): the
 * model API key. An empty or missing secret fails; the message names no secret.
 *
 * @example
 * const model = new OpenAiTriageModel({ model, apiKey: secretsManagerString(secretId) });
 */
export const secretsManagerString =
  (secretId: string, client = traced(new SecretsManagerClient({}))) =>
  async (): Promise<string> => {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (!SecretString) throw new Error('The secret is empty');
    return SecretString;
  };

/** Reads a secret string (the blind-index HMAC key) from Secrets Manager as key bytes. */
export const secretsManagerKey =
  (secretId: string, client = traced(new SecretsManagerClient({}))) =>
  async (): Promise<Buffer> => {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (SecretString === undefined || SecretString.length < 32) throw new Error('The blind-index secret is missing or too short');
    return Buffer.from(SecretString, 'utf8');
  };
