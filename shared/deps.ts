import type { AuditLog, AuditTrail } from './audit/ports';
import type { Clock } from './domain/clock';
import type { AccessTokenSettings } from './identity/access-token';
import type { BlindIndex, LoginAttemptStore, PasswordHasher, RefreshFamilyRepository, TokenSigner, UserRepository } from './identity/ports';
import type { ConsentRepository, FeedbackRepository, ProfileRepository } from './records/ports';
import type { Vault } from './vault/vault';

/**
 * The ports of the identity, records, account and audit use cases, passed in (hexagonal: no SDK
 * below this line). Each use case takes only the ones it uses (`Pick<AppDeps, ...>`); handlers
 * build them from `shared/runtime/composition.ts`, tests from in-memory fakes. The triage and chat
 * areas declare their own deps beside their use cases (they also take a queue and a model).
 */
export interface AppDeps {
  readonly users: UserRepository;
  readonly loginAttempts: LoginAttemptStore;
  /** Refresh-token families (the `sessions` table); rotation and revocation are conditional writes. */
  readonly refreshFamilies: RefreshFamilyRepository;
  readonly audit: AuditLog;
  readonly auditTrail: AuditTrail;
  readonly signer: TokenSigner;
  readonly blindIndex: BlindIndex;
  readonly passwords: PasswordHasher;
  readonly clock: Clock;
  readonly tokens: AccessTokenSettings & { readonly refreshTtlSeconds: number };
  readonly profiles: ProfileRepository;
  readonly consents: ConsentRepository;
  readonly feedback: FeedbackRepository;
  readonly vault: Vault;
}
