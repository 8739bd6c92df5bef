import { randomUUID } from 'node:crypto';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoUserRepository } from '../../shared/adapters/aws/dynamo-user-repository';
import type { Role } from '../../shared/domain/roles';
import { signUp, type TestBackend } from './test-backend';
import { tokenFor } from './tokens';

/**
 * A registered account that holds `role` in the identity table (besides `patient`), as an admin or the operator CLI
 * gives it, and a token claiming that role. Writes check the caller's account and its roles
 * (shared/audit/active-account.ts), so a token for an account that does not exist, or does not hold the role, is
 * refused like a deleted account's or a revoked role's.
 *
 * @example
 * const editor = await accountHolding(backend, 'editor');
 */
export const accountHolding = async (backend: TestBackend, role: Role): Promise<{ readonly userId: string; readonly token: string }> => {
  const { userId } = await signUp(backend, `${role}-${randomUUID().slice(0, 8)}@example.com`);
  if (role !== 'patient') {
    const client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
    try {
      if (!(await new DynamoUserRepository(client, backend.tables.identity).setRoles(userId, ['patient', role], ['patient'])))
        throw new Error(`could not give ${role}`);
    } finally {
      client.destroy();
    }
  }
  return { userId, token: await tokenFor(backend.dataDir, userId, [role]) };
};

/** An admin as the operator CLI makes one (no route can give `admin`). */
export const registeredAdmin = (backend: TestBackend): Promise<{ readonly userId: string; readonly token: string }> => accountHolding(backend, 'admin');
