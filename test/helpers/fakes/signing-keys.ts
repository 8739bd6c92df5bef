import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import type { AuditEvent } from '../../../shared/audit/ports';
import type { SigningKeyRing } from '../../../shared/domain/signing-key-ring';
import type { CreatedSigningKey, JsonWebKeyWithKid, SigningKeyRingStore, SigningKeyService, TokenSigner } from '../../../shared/identity/ports';
import { publishedJwk } from '../../../shared/adapters/token-signing-key';

/** The signing-key ring in memory, with the same version check as `DynamoSigningKeyRing`; `reads` counts `get`s. */
export const inMemorySigningKeyRing = () => {
  let stored: SigningKeyRing | undefined;
  const store = {
    reads: 0,
    get: async () => {
      store.reads += 1;
      return stored;
    },
    put: async (ring: SigningKeyRing) => {
      if ((stored?.version ?? 0) !== ring.version - 1) return false;
      stored = structuredClone(ring);
      return true;
    },
    /** Another writer wins the next put. */
    stealNext: () => {
      if (stored !== undefined) stored = { ...stored, version: stored.version + 1 };
    },
  } satisfies SigningKeyRingStore & Record<string, unknown>;
  return store;
};

/** Key material in memory: `create` makes a real P-256 key, `dispose` forgets it (and is recorded). */
export const inMemorySigningKeys = () => {
  const keys = new Map<string, string>();
  const disposed: string[] = [];
  let count = 0;
  const pemOf = (keyRef: string): string => {
    const pem = keys.get(keyRef);
    if (pem === undefined) throw new Error(`no key ${keyRef}`);
    return pem;
  };
  const add = (keyRef: string): string => {
    keys.set(keyRef, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    return keyRef;
  };
  const service: SigningKeyService = {
    create: async (): Promise<CreatedSigningKey> => {
      const keyRef = add(`key-${(count += 1)}`);
      return { keyRef, jwk: await service.publicJwk(keyRef) };
    },
    publicJwk: async (keyRef): Promise<JsonWebKeyWithKid> => publishedJwk(createPrivateKey(pemOf(keyRef))),
    dispose: async (keyRef) => {
      disposed.push(keyRef);
      keys.delete(keyRef);
    },
  };
  /** A TokenSigner over one key (what the runtime's `keyOf` returns). */
  const signerOf = (keyRef: string): TokenSigner => ({
    keyId: async () => (await service.publicJwk(keyRef)).kid,
    publicJwk: () => service.publicJwk(keyRef),
    sign: async (input) => sign('sha256', input, { key: createPrivateKey(pemOf(keyRef)), dsaEncoding: 'ieee-p1363' }),
  });
  return { service, signerOf, add, disposed, has: (keyRef: string) => keys.has(keyRef) };
};

/** An audit log as an array; `failNext` makes the next append throw. */
export const recordingAudit = () => {
  const events: AuditEvent[] = [];
  let fail = false;
  return {
    events,
    failNext: () => void (fail = true),
    append: async (event: AuditEvent) => {
      if (fail) {
        fail = false;
        throw new Error('audit unavailable');
      }
      events.push(event);
    },
  };
};
