import { CreateKeyCommand, ScheduleKeyDeletionCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { CreatedSigningKey, JsonWebKeyWithKid, SigningKeyService } from '../../identity/ports';
import { publishedJwk } from '../token-signing-key';
import { kmsPublicKey } from './kms-es256';

/**
 * The tag that lets a stage's functions sign with a key the CLI made (ADR 0013): its value is the
 * stage's keys table name, and the functions' IAM statement (lib/signing-keys.ts) requires it.
 */
export const SIGNING_KEY_RING_TAG = 'carebow:signing-key-ring';
/** KMS's shortest waiting period before a scheduled deletion. */
export const DELETION_WINDOW_DAYS = 7;

/** Where a stage's signing keys live. */
export interface KmsSigningKeyTarget {
  /** The stage's keys table name: the tag value its functions' grant requires. */
  readonly ringTag: string;
  /** The stack's own signing key (`TokenSigningKeyArn`): never disabled or deleted here, as CloudFormation owns it. */
  readonly stackKeyArn: string;
  readonly description: string;
}

/**
 * Makes and disposes of token-signing keys in KMS, for the operator CLI: ECC_NIST_P256 SIGN_VERIFY
 * keys tagged for the stage's ring; a retired key is scheduled for deletion after the minimum window.
 *
 * @example
 * const created = await new KmsSigningKeyService(new KMSClient({}), { ringTag, stackKeyArn, description }).create();
 */
export class KmsSigningKeyService implements SigningKeyService {
  public constructor(
    private readonly kms: Pick<KMSClient, 'send'>,
    private readonly target: KmsSigningKeyTarget,
  ) {}

  public async create(): Promise<CreatedSigningKey> {
    const { KeyMetadata } = await this.kms.send(
      new CreateKeyCommand({
        KeySpec: 'ECC_NIST_P256',
        KeyUsage: 'SIGN_VERIFY',
        Description: this.target.description,
        Tags: [{ TagKey: SIGNING_KEY_RING_TAG, TagValue: this.target.ringTag }],
      }),
    );
    const keyRef = KeyMetadata?.Arn;
    if (keyRef === undefined) throw new Error('KMS created no key');
    try {
      return { keyRef, jwk: await this.publicJwk(keyRef) };
    } catch (error) {
      // Undo: a key that never made it into the ring must not stay usable.
      await this.dispose(keyRef);
      throw error;
    }
  }

  public async publicJwk(keyRef: string): Promise<JsonWebKeyWithKid> {
    return publishedJwk((await kmsPublicKey(this.kms, keyRef)).key);
  }

  public async dispose(keyRef: string): Promise<void> {
    // The stack's own key is left as it is: CloudFormation owns it and the detailed health check probes it (enabled).
    // Unpublished, it verifies nothing any more, so a token it signs is refused all the same.
    if (keyRef === this.target.stackKeyArn) return;
    try {
      await this.kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyRef, PendingWindowInDays: DELETION_WINDOW_DAYS }));
    } catch (error) {
      // Already pending deletion (a re-run after a crash): the outcome asked for.
      if (!(error instanceof Error && error.name === 'KMSInvalidStateException')) throw error;
    }
  }
}
