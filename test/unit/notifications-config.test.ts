import { describe, expect, it } from 'vitest';
import { appConfigSchema } from '../../shared/config';
import { readConfig } from '../../shared/env-schema';

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

describe('Configuration: the notifications section', () => {
  it('is optional, and sends through SES and SNS by default', () => {
    // Act
    const config = readConfig(appConfigSchema(), valid);
    const full = readConfig(appConfigSchema(), {
      ...valid,
      NOTIFICATIONS_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/1/n',
      APP_BASE_URL: 'https://app.carebow.example',
      NOTIFICATIONS_FROM_EMAIL: 'no-reply@carebow.example',
      SES_CONFIGURATION_SET: 'carebow-dev-notifications',
    });

    // Assess
    expect(config.NOTIFICATION_CHANNELS).toBe('aws');
    expect(config.NOTIFICATIONS_QUEUE_URL).toBeUndefined();
    expect(full.APP_BASE_URL).toBe('https://app.carebow.example');
  });

  it('refuses the outbox and a plain-http app URL outside the local stage, and a sender that is no address', () => {
    // Act, Assess
    expect(() => readConfig(appConfigSchema(), { ...valid, NOTIFICATION_CHANNELS: 'outbox', CAREBOW_DATA_DIR: '/tmp' })).toThrow(/NOTIFICATION_CHANNELS/);
    expect(() => readConfig(appConfigSchema(), { ...valid, APP_BASE_URL: 'http://app.example.com' })).toThrow(/APP_BASE_URL/);
    expect(() => readConfig(appConfigSchema(), { ...valid, NOTIFICATIONS_FROM_EMAIL: 'carebow' })).toThrow(/NOTIFICATIONS_FROM_EMAIL/);
  });

  it('needs a data dir for the outbox on the local stage', () => {
    // Prepare
    const local = { ...valid, CAREBOW_STAGE: 'local', KEY_PROVIDER: 'local', CAREBOW_DATA_DIR: '/tmp/carebow' };
    const { CAREBOW_DATA_DIR: _dir, ...withoutDir } = local;

    // Act, Assess
    expect(readConfig(appConfigSchema(), { ...local, NOTIFICATION_CHANNELS: 'outbox', APP_BASE_URL: 'http://localhost:5173' }).NOTIFICATION_CHANNELS).toBe(
      'outbox',
    );
    expect(() => readConfig(appConfigSchema(), { ...withoutDir, KEY_PROVIDER: 'kms', NOTIFICATION_CHANNELS: 'outbox' })).toThrow(/CAREBOW_DATA_DIR/);
  });
});
