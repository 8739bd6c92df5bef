import type {
  AuditLog, BlindIndex, Clock, LoginAttemptStore, PasswordHasher, SessionRepository, TokenSigner, UserRepository,
} from '../ports';
import type { AccessTokenSettings } from './access-token';

/** Everything the identity use cases need, passed in (hexagonal: no SDK below this line). */
export interface IdentityDeps {
  readonly users: UserRepository;
  readonly loginAttempts: LoginAttemptStore;
  readonly sessions: SessionRepository;
  readonly audit: AuditLog;
  readonly signer: TokenSigner;
  readonly blindIndex: BlindIndex;
  readonly passwords: PasswordHasher;
  readonly clock: Clock;
  readonly tokens: AccessTokenSettings & { readonly refreshTtlSeconds: number };
}
