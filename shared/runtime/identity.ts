import { DynamoAuditLog } from '../adapters/aws/dynamo-audit-log';
import { createDocumentClient } from '../adapters/aws/dynamo-client';
import { DynamoLoginAttempts } from '../adapters/aws/dynamo-login-attempts';
import { DynamoSessionRepository } from '../adapters/aws/dynamo-session-repository';
import { DynamoUserRepository } from '../adapters/aws/dynamo-user-repository';
import { identityConfigSchema, readConfig, type IdentityConfig } from '../config';
import type { IdentityDeps } from '../identity/deps';
import { ScryptPasswordHasher } from '../identity/password-hasher';
import { blindIndexFor, tokenSignerFor } from './keys';

const systemClock = { now: () => new Date() };

/**
 * Wires the identity use cases to real adapters from configuration. Called once at module load
 * by each identity handler, so clients and keys are created once per container.
 *
 * @example
 * const deps = identityDeps(); // reads and validates process.env
 */
export const identityDeps = (config: IdentityConfig = readConfig(identityConfigSchema)): IdentityDeps => {
  const client = createDocumentClient({ endpoint: config.DYNAMODB_ENDPOINT });
  return {
    users: new DynamoUserRepository(client, config.IDENTITY_TABLE),
    loginAttempts: new DynamoLoginAttempts(client, config.IDENTITY_TABLE),
    sessions: new DynamoSessionRepository(client, config.SESSIONS_TABLE),
    audit: new DynamoAuditLog(client, config.AUDIT_TABLE),
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
