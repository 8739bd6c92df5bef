import type { DataKeyRepository, DataKeyService, WrappedDataKeys } from './ports';
import { DataKeyDestroyedError, DataKeyMissingError, UnknownDataSubjectError } from './errors';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { openWithKey, parseSealed, sealWithKey, type FieldPlace } from './sealed-field';

export interface VaultOptions {
  /**
   * How long a plain data key may stay in memory. A key destroyed by another container (account
   * deletion) may still open fields here for at most this long; it never seals anything new
   * (each seal reads the key's state).
   * @default 300_000 (5 minutes)
   */
  readonly maxKeyAgeMs?: number;
  /** Seals and opens one cached key may serve before it is fetched again. @default 10_000 */
  readonly maxKeyUses?: number;
  /** Users whose keys stay cached at once (least recently loaded leave first). @default 1_000 */
  readonly maxUsers?: number;
  readonly now?: () => number;
}

interface CachedKeys {
  readonly current: number;
  /** As `KeyObject`s: Node re-validates raw key bytes on every cipher (see sealed-field.ts). */
  readonly keys: Map<number, KeyObject>;
  readonly loadedAt: number;
  usesLeft: number;
}

/**
 * Envelope encryption of PHI fields: one data key per user, generated and wrapped by KMS (only
 * the wrapped form is stored), fields sealed with AES-256-GCM bound to their place. Plain keys are
 * cached with a bounded age and use count, so a warm request makes no key-service call. A seal
 * also reads the key's item (one consistent read): nothing new is sealed under a key that another
 * container destroyed (the account deleted) or rotated since this one cached it.
 *
 * `SealingVault` seals and opens with the keys a user already has, and only reads the key store:
 * what a route that never makes, rotates or destroys a key takes (`sealingVault()` in the
 * composition root), so its bundle holds neither those operations nor the key store's writes.
 * `Vault` adds them (`createKey`, `rotate`, `destroy`).
 *
 * @example
 * const vault = new Vault(keyRepository, kmsDataKeys);
 * const sealed = await vault.seal(places.profile(userId), json);
 */
export class SealingVault {
  readonly #cache = new Map<string, CachedKeys>();
  readonly #maxAge: number;
  readonly #maxUses: number;
  readonly #maxUsers: number;
  readonly #now: () => number;

  public constructor(
    private readonly keyReader: Pick<DataKeyRepository, 'get'>,
    private readonly unwrapper: Pick<DataKeyService, 'unwrap'>,
    options: VaultOptions = {},
  ) {
    this.#maxAge = options.maxKeyAgeMs ?? 300_000;
    this.#maxUses = options.maxKeyUses ?? 10_000;
    this.#maxUsers = options.maxUsers ?? 1_000;
    this.#now = options.now ?? Date.now;
  }

  public async seal(place: FieldPlace, plaintext: string): Promise<string> {
    const keys = await this.liveKeysOf(place.userId);
    return sealWithKey(keys.keys.get(keys.current)!, keys.current, place, plaintext);
  }

  public async open(place: FieldPlace, sealed: string): Promise<string> {
    const parts = parseSealed(sealed);
    let keys = await this.keysOf(place.userId);
    if (!keys.keys.has(parts.keyVersion)) keys = await this.keysOf(place.userId, true);
    const key = keys.keys.get(parts.keyVersion);
    if (key === undefined) throw new DataKeyMissingError();
    return openWithKey(key, place, parts);
  }

  public async sealJson(place: FieldPlace, value: unknown): Promise<string> {
    return this.seal(place, JSON.stringify(value));
  }

  public async openJson<T>(place: FieldPlace, sealed: string): Promise<T> {
    return JSON.parse(await this.open(place, sealed)) as T;
  }

  /** Drops the user's cached keys: the next seal or open reads them again. */
  protected forget(userId: string): void {
    this.#cache.delete(userId);
  }

  /** The cached keys of `userId` if they are still within their bounds (and of version `current`, when given). */
  private cachedKeys(userId: string, current?: number): CachedKeys | undefined {
    const cached = this.#cache.get(userId);
    if (cached === undefined || cached.usesLeft <= 0 || this.#now() - cached.loadedAt >= this.#maxAge) return undefined;
    if (current !== undefined && cached.current !== current) return undefined;
    cached.usesLeft -= 1;
    return cached;
  }

  /** The keys to open with: the cache while it is within bounds (a key destroyed elsewhere opens here until then). */
  private async keysOf(userId: string, refresh = false): Promise<CachedKeys> {
    return (refresh ? undefined : this.cachedKeys(userId)) ?? this.unwrapAll(userId, await this.liveItem(userId));
  }

  /**
   * The keys to seal with: the key's item is read every time, so a key destroyed or rotated by another container
   * since it was cached seals nothing; the cached plain keys are used while they are its current version.
   */
  private async liveKeysOf(userId: string): Promise<CachedKeys> {
    const stored = await this.liveItem(userId);
    return this.cachedKeys(userId, stored.current) ?? this.unwrapAll(userId, stored);
  }

  /** The user's key item, unless they never had keys or their keys were destroyed. */
  private async liveItem(userId: string): Promise<Extract<WrappedDataKeys, { state: 'active' }>> {
    const stored = await this.keyReader.get(userId);
    if (stored === undefined) throw new UnknownDataSubjectError();
    if (stored.state === 'destroyed') {
      this.#cache.delete(userId);
      throw new DataKeyDestroyedError();
    }
    return stored;
  }

  private async unwrapAll(userId: string, stored: Extract<WrappedDataKeys, { state: 'active' }>): Promise<CachedKeys> {
    const keys = new Map<number, KeyObject>();
    await Promise.all(
      Object.entries(stored.versions).map(async ([version, wrapped]) => {
        keys.set(Number(version), createSecretKey(await this.unwrapper.unwrap(userId, wrapped)));
      }),
    );
    return this.remember(userId, stored.current, keys);
  }

  protected remember(userId: string, current: number, keys: Map<number, KeyObject>): CachedKeys {
    this.#cache.delete(userId);
    if (this.#cache.size >= this.#maxUsers) this.#cache.delete(this.#cache.keys().next().value!);
    const entry = { current, keys, loadedAt: this.#now(), usesLeft: this.#maxUses - 1 };
    this.#cache.set(userId, entry);
    return entry;
  }
}

/** The whole vault: `SealingVault`, and the making, rotating and destroying of a user's keys. */
export class Vault extends SealingVault {
  public constructor(
    private readonly repository: DataKeyRepository,
    private readonly keyService: DataKeyService,
    options: VaultOptions = {},
  ) {
    super(repository, keyService, options);
  }

  /** Gives a new user their first data key (idempotent: an existing key is kept). */
  public async createKey(userId: string): Promise<void> {
    const { plaintext, wrapped } = await this.keyService.generate(userId);
    if (await this.repository.create(userId, wrapped)) this.remember(userId, 1, new Map([[1, createSecretKey(plaintext)]]));
  }

  /** Adds a new key version for new seals; fields sealed under older versions still open. */
  public async rotate(userId: string): Promise<number> {
    const stored = await this.repository.get(userId);
    if (stored === undefined) throw new UnknownDataSubjectError();
    if (stored.state === 'destroyed') throw new DataKeyDestroyedError();
    const { wrapped } = await this.keyService.generate(userId);
    const next = stored.current + 1;
    if (!(await this.repository.addVersion(userId, next, wrapped, stored.current))) throw new Error('The data key changed meanwhile; retry');
    this.forget(userId);
    return next;
  }

  /** Crypto-shreds the user: every wrapped key version is destroyed, the cache forgets them. */
  public async destroy(userId: string): Promise<void> {
    this.forget(userId);
    await this.repository.destroy(userId);
  }
}
