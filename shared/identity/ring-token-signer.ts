import { publishedJwks, RING_CACHE_SECONDS, type SigningKeyEntry, type SigningKeyRing } from '../domain/signing-key-ring';
import type { Clock } from '../domain/clock';
import type { JsonWebKeyWithKid, SigningKeyRingStore, TokenSigner } from './ports';

/** A token may not be signed: its header names no key that may sign now. */
export class SigningKeyUnavailableError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'SigningKeyUnavailableError';
  }
}

/** The `kid` of a JWS signing input's protected header (`<header>.<payload>`), if any. */
const kidOf = (signingInput: Uint8Array): string | undefined => {
  const header = Buffer.from(signingInput).toString('latin1').split('.', 1)[0]!;
  try {
    const kid: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')).kid;
    return typeof kid === 'string' ? kid : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Signs with the ring's active key (ADR 0013), and publishes its `next`, `active` and `retiring`
 * keys. The ring is re-read at most every {@link RING_CACHE_SECONDS} (the rotation's delays outlive
 * that); before the first rotation there is no ring and `configured` signs and is published alone.
 * `sign` uses the key the header names, so a token minted across a ring refresh still carries the
 * `kid` of the key that signed it; a `retiring` key may still finish such a token.
 *
 * @example
 * const signer = new RingTokenSigner(ringStore, kmsKey, new KmsTokenSigner(configuredArn), systemClock);
 */
export class RingTokenSigner implements TokenSigner {
  #ring?: { readonly at: number; readonly value: Promise<SigningKeyRing | undefined> };
  readonly #keys = new Map<string, TokenSigner>();

  public constructor(
    private readonly store: Pick<SigningKeyRingStore, 'get'>,
    /** The signer of one key of the ring, by its `keyRef`. */
    private readonly keyOf: (keyRef: string) => TokenSigner,
    private readonly configured: TokenSigner,
    private readonly clock: Clock,
  ) {}

  public async keyId(): Promise<string> {
    const ring = await this.ring();
    return ring === undefined ? this.configured.keyId() : activeOf(ring).kid;
  }

  public async sign(signingInput: Uint8Array): Promise<Uint8Array> {
    const ring = await this.ring();
    if (ring === undefined) return this.configured.sign(signingInput);
    const kid = kidOf(signingInput);
    const entry = ring.keys.find((key) => key.kid === kid && (key.state === 'active' || key.state === 'retiring'));
    if (entry === undefined) throw new SigningKeyUnavailableError('The token names no signing key of the ring');
    let signer = this.#keys.get(entry.keyRef);
    if (signer === undefined) {
      signer = this.keyOf(entry.keyRef);
      this.#keys.set(entry.keyRef, signer);
    }
    return signer.sign(signingInput);
  }

  public async publicJwk(): Promise<JsonWebKeyWithKid> {
    const ring = await this.ring();
    return ring === undefined ? this.configured.publicJwk() : activeOf(ring).jwk!;
  }

  /** Every key the JWKS publishes now. */
  public async publishedJwks(): Promise<JsonWebKeyWithKid[]> {
    const ring = await this.ring();
    return ring === undefined ? [await this.configured.publicJwk()] : publishedJwks(ring);
  }

  private ring(): Promise<SigningKeyRing | undefined> {
    const now = this.clock.now().getTime();
    if (this.#ring === undefined || now - this.#ring.at >= RING_CACHE_SECONDS * 1000) {
      const value = this.store.get();
      const cached = { at: now, value };
      this.#ring = cached;
      // A failed read is not kept: the next call reads again.
      value.catch(() => {
        if (this.#ring === cached) this.#ring = undefined;
      });
    }
    return this.#ring.value;
  }
}

const activeOf = (ring: SigningKeyRing): SigningKeyEntry => {
  const active = ring.keys.find((key) => key.state === 'active');
  if (active?.jwk === undefined) throw new SigningKeyUnavailableError('The signing-key ring has no active key');
  return active;
};
