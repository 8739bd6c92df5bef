import { describe, expect, it } from 'vitest';
import {
  appConfigSchema,
  dataConfigSchema,
  keysConfigSchema,
  llmConfigSchema,
  notificationsConfigSchema,
  passwordConfigSchema,
  tokensConfigSchema,
} from '../../shared/config';
import { readConfig } from '../../shared/env-schema';
import { ConfigError } from '../../shared/errors';

const valid = {
  CAREBOW_STAGE: 'dev',
  IDENTITY_TABLE: 'ident',
  SESSIONS_TABLE: 'sess',
  AUDIT_TABLE: 'audit',
  KEYS_TABLE: 'keys',
  RECORDS_TABLE: 'records',
  CONTENT_TABLE: 'content',
  KEY_PROVIDER: 'kms',
  DATA_KEY_ID: 'arn:aws:kms:eu-west-1:1:key/y',
  TOKEN_SIGNING_KEY_ID: 'arn:aws:kms:eu-west-1:1:key/x',
  BLIND_INDEX_SECRET_ID: 'arn:secret',
  AUTH_ISSUER: 'https://api.example.com/dev',
  AUTH_CLIENT_ID: 'carebow-dev',
  TRIAGE_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/1/q',
  CHAT_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/1/chat',
};

describe('Function: readConfig', () => {
  it('parses a complete environment with defaults', () => {
    const config = readConfig(appConfigSchema(), valid);
    expect(config.ACCESS_TOKEN_TTL_SECONDS).toBe(900);
    expect(config.PASSWORD_SCRYPT_LOG_N).toBe(17);
    expect(config.AUDIT_LANES).toBe(16);
  });

  it('names every missing or invalid variable', () => {
    const { IDENTITY_TABLE: _a, ...missing } = valid;
    expect(() => readConfig(appConfigSchema(), { ...missing, AUTH_ISSUER: 'not a url' })).toThrow(ConfigError);
    expect(() => readConfig(appConfigSchema(), missing)).toThrow(/IDENTITY_TABLE/);
    expect(() => readConfig(appConfigSchema(), { ...valid, AUTH_ISSUER: 'nope' })).toThrow(/AUTH_ISSUER/);
  });

  it('refuses access tokens longer than 15 minutes', () => {
    expect(() => readConfig(appConfigSchema(), { ...valid, ACCESS_TOKEN_TTL_SECONDS: '901' })).toThrow(/ACCESS_TOKEN_TTL_SECONDS/);
  });

  it('refuses weakened settings outside the local stage', () => {
    expect(() => readConfig(appConfigSchema(), { ...valid, PASSWORD_SCRYPT_LOG_N: '12' })).toThrow(/PASSWORD_SCRYPT_LOG_N/);
    // ADR 0019: fewer audit lanes only for the local bench's single-chain figure.
    expect(() => readConfig(appConfigSchema(), { ...valid, AUDIT_LANES: '1' })).toThrow(/AUDIT_LANES/);
    expect(readConfig(appConfigSchema(), { ...valid, CAREBOW_STAGE: 'local', AUDIT_LANES: '1' }).AUDIT_LANES).toBe(1);
    expect(() => readConfig(appConfigSchema(), { ...valid, AUTH_ISSUER: 'http://api.example.com' })).toThrow(/https/);
    expect(() => readConfig(appConfigSchema(), { ...valid, KEY_PROVIDER: 'local', CAREBOW_DATA_DIR: '/tmp' })).toThrow(/KEY_PROVIDER/);
    // docs/security.md #16, #20: the model endpoint is https, and comes from config only.
    expect(() => readConfig(appConfigSchema(), { ...valid, OPENAI_BASE_URL: 'http://llm.internal/v1' })).toThrow(/OPENAI_BASE_URL/);
    expect(() => readConfig(appConfigSchema(), { ...valid, OPENAI_API_KEY: 'sk-plain' })).toThrow(/OPENAI_API_KEY/);
  });

  it('requires the key ids that the key provider needs', () => {
    const { TOKEN_SIGNING_KEY_ID: _k, ...noKey } = valid;
    expect(() => readConfig(appConfigSchema(), noKey)).toThrow(/TOKEN_SIGNING_KEY_ID/);
  });

  it('checks each section on its own, with the rules of the settings it holds', () => {
    // Prepare: a function reads only the sections its adapters use (shared/runtime/composition.ts)
    const weakened: [() => Parameters<typeof readConfig>[0], Record<string, string>, RegExp][] = [
      [dataConfigSchema, { AUDIT_LANES: '1' }, /AUDIT_LANES/],
      [keysConfigSchema, { KEY_PROVIDER: 'local', CAREBOW_DATA_DIR: '/tmp' }, /KEY_PROVIDER/],
      [keysConfigSchema, { DATA_KEY_ID: '' }, /DATA_KEY_ID/],
      [tokensConfigSchema, { AUTH_ISSUER: 'http://api.example.com' }, /AUTH_ISSUER/],
      [passwordConfigSchema, { PASSWORD_SCRYPT_LOG_N: '12' }, /PASSWORD_SCRYPT_LOG_N/],
      [llmConfigSchema, { OPENAI_API_KEY: 'sk-plain' }, /OPENAI_API_KEY/],
      [notificationsConfigSchema, { NOTIFICATION_CHANNELS: 'outbox', CAREBOW_DATA_DIR: '/tmp' }, /NOTIFICATION_CHANNELS/],
    ];
    for (const [schema, change, variable] of weakened) {
      // Act & Assess: the section alone refuses what the whole configuration refuses
      expect(() => readConfig(schema(), { ...valid, ...change })).toThrow(variable);
    }
  });

  it('reads a section without the variables of the others', () => {
    // Assess: the tables are read while the token settings are missing
    const { AUTH_ISSUER: _issuer, ...withoutIssuer } = valid;
    expect(readConfig(dataConfigSchema(), withoutIssuer).RECORDS_TABLE).toBe('records');
    expect(() => readConfig(tokensConfigSchema(), withoutIssuer)).toThrow(/AUTH_ISSUER/);
  });
});
