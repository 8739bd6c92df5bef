import { DynamoAuditLog } from '../adapters/aws/dynamo-audit-log';
import { createDocumentClient } from '../adapters/aws/dynamo-client';
import { DynamoDataKeyRepository } from '../adapters/aws/dynamo-data-key-repository';
import { DynamoLoginAttempts } from '../adapters/aws/dynamo-login-attempts';
import { DynamoRecords } from '../adapters/aws/dynamo-records';
import { DynamoSessionRepository } from '../adapters/aws/dynamo-session-repository';
import { DynamoUserRepository } from '../adapters/aws/dynamo-user-repository';
import { appConfigSchema, readConfig, type AppConfig } from '../config';
import type { AppDeps } from '../deps';
import { ScryptPasswordHasher } from '../identity/password-hasher';
import { Vault } from '../vault/vault';
import { blindIndexFor, dataKeyServiceFor, tokenSignerFor } from './keys';

const systemClock = { now: () => new Date() };

/**
 * Wires every use case to real adapters from configuration. Called once at module load by each
 * handler, so clients, keys and the data-key cache live as long as the container. Constructing
 * adapters makes no network call; a function only ever calls what its route uses.
 *
 * @example
 * const deps = appDeps(); // reads and validates process.env
 */
export const appDeps = (config: AppConfig = readConfig(appConfigSchema)): AppDeps => {
  const client = createDocumentClient({ endpoint: config.DYNAMODB_ENDPOINT });
  const audit = new DynamoAuditLog(client, config.AUDIT_TABLE);
  const records = new DynamoRecords(client, config.RECORDS_TABLE);
  return {
    users: new DynamoUserRepository(client, config.IDENTITY_TABLE),
    loginAttempts: new DynamoLoginAttempts(client, config.IDENTITY_TABLE),
    sessions: new DynamoSessionRepository(client, config.SESSIONS_TABLE),
    audit,
    auditTrail: audit,
    profiles: records,
    consents: records,
    feedback: records,
    vault: new Vault(new DynamoDataKeyRepository(client, config.KEYS_TABLE), dataKeyServiceFor(config)),
    signer: tokenSignerFor(config),
    blindIndex: blindIndexFor(config),
    passwords: new ScryptPasswordHasher(config.PASSWORD_SCRYPT_LOG_N),
    clock: systemClock,
    tokens: {
      issuer: config.AUTH_ISSUER,
      clientId: config.AUTH_CLIENT_ID,
      ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    },
  };
};
