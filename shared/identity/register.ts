import { randomUUID } from 'node:crypto';
import { normalizeEmail } from '../domain/email';
import { checkPassword } from '../domain/password-policy';
import { SELF_REGISTERED_ROLE, type Role } from '../domain/roles';
import { ConflictError, ValidationError } from '../errors';
import type { RequestMeta } from '../domain/caller';
import { undoPersistently } from '../domain/undo';
import type { UserRecord } from './ports';
import { requestFacts } from '../audit/actor';
import type { AppDeps } from '../deps';
import { places } from '../vault/places';
import { countOnce } from '../content/count-figure';
import type { FigureCounter } from '../content/figures-ports';

export interface RegisterInput {
  readonly email: string;
  readonly password: string;
  readonly name?: string;
}

const DUPLICATE = 'An account with this e-mail already exists.';

/**
 * Creates a patient account with its own data key; the e-mail and name are stored sealed. The
 * e-mail claim is the one conditional write that keeps e-mails unique; the user item is written
 * first under a fresh id, and removed again if the claim loses. A registration that stands counts once in the week's
 * new accounts (a product figure, best effort: shared/content/count-figure.ts).
 */
export const register = async (
  deps: Pick<AppDeps, 'users' | 'audit' | 'blindIndex' | 'passwords' | 'clock' | 'vault'> & { readonly figures?: FigureCounter },
  input: RegisterInput,
  meta: RequestMeta,
): Promise<{ user: { id: string; email: string; roles: Role[] } }> => {
  const problems = checkPassword(input.password, input.email);
  if (problems.length > 0) throw new ValidationError('The password does not meet the policy.', problems, 'weak_password');

  const email = normalizeEmail(input.email);
  const emailIndex = await deps.blindIndex.of(email);
  if ((await deps.users.findIdByEmail(emailIndex)) !== undefined) throw new ConflictError(DUPLICATE, 'email_taken');

  // The e-mail and name are sealed under the new user's own data key, made first.
  const id = randomUUID();
  await deps.vault.createKey(id);
  const user: UserRecord = {
    id,
    emailSealed: await deps.vault.seal(places.userEmail(id), email),
    emailIndex,
    ...(input.name === undefined ? {} : { nameSealed: await deps.vault.seal(places.userName(id), input.name) }),
    passwordHash: await deps.passwords.hash(input.password),
    roles: [SELF_REGISTERED_ROLE],
    status: 'active',
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.users.create(user);
  try {
    if (!(await deps.users.claimEmail(emailIndex, user.id))) throw new ConflictError(DUPLICATE, 'email_taken');
    await deps.audit.append({
      action: 'account.register',
      outcome: 'success',
      subjectId: user.id,
      actor: { userId: user.id, roles: [] },
      resource: { type: 'account', id: user.id },
      ...requestFacts(meta),
    });
  } catch (error) {
    // No unaudited account: a lost e-mail race, or a claim or audit append that failed (ADR 0020), undoes the
    // registration, then the request fails.
    await undoPersistently(() => deps.users.discard(user.id, emailIndex));
    throw error;
  }
  await countOnce(deps.figures, 'accounts', 'account', user.id, deps.clock.now());
  return { user: { id: user.id, email, roles: [...user.roles] } };
};
