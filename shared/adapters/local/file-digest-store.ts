import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DigestStore, StoredDigestObject } from '../../audit/anchor-ports';

/** A digest key as `digestKey` makes it (shared/audit/digest.ts): nothing else is ever a path here. */
const KEY = /^[a-z]{1,32}\/\d{13}-\d{8}T\d{6}Z\.json$/;

/**
 * The local stand-in for the S3 digest bucket: `<dataDir>/audit-digests/<stage>/<key>.json`, each written once
 * (exclusive create). It has no Object Lock: locally anyone can delete a digest, which is what the tamper tests do.
 */
export class FileDigestStore implements DigestStore {
  readonly #root: string;

  public constructor(
    dataDir: string,
    private readonly stage: string,
  ) {
    this.#root = join(dataDir, 'audit-digests');
  }

  public async latest(): Promise<StoredDigestObject | undefined> {
    let names: string[];
    try {
      names = readdirSync(join(this.#root, this.stage));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const newest = names.filter((name) => KEY.test(`${this.stage}/${name}`)).sort()[0];
    return newest === undefined ? undefined : this.get(`${this.stage}/${newest}`);
  }

  public async get(key: string): Promise<StoredDigestObject | undefined> {
    if (!KEY.test(key)) return undefined;
    try {
      return { key, body: readFileSync(join(this.#root, key), 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  public async put(object: StoredDigestObject): Promise<void> {
    if (!KEY.test(object.key)) throw new Error('Not a digest key');
    mkdirSync(join(this.#root, this.stage), { recursive: true, mode: 0o700 });
    writeFileSync(join(this.#root, object.key), object.body, { flag: 'wx', mode: 0o600 });
  }
}
