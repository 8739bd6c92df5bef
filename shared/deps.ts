import type { IdentityDeps } from './identity/deps';
import type { AuditTrail, ConsentRepository, FeedbackRepository, ProfileRepository } from './ports';
import type { Vault } from './vault/vault';

/** Every port the use cases need; each use case takes only the ones it uses (`Pick`). */
export interface AppDeps extends IdentityDeps {
  readonly auditTrail: AuditTrail;
  readonly profiles: ProfileRepository;
  readonly consents: ConsentRepository;
  readonly feedback: FeedbackRepository;
  readonly vault: Vault;
}
