import { createRequire } from 'node:module';

/**
 * dynalite (4.0.0) never closes the LevelDB iterators behind its Query and Scan. Its streams end
 * by calling `iterator.return()` "if it exists", but abstract-level's iterators have `close()`
 * and no `return()`, so every Query and Scan leaves one open. An open iterator stays in its
 * database's resource set forever, and in classic-level (LevelDB, `npm start`) it also pins the
 * memtables and files it was opened on: the server's native memory then grows with every byte
 * ever written (about 130 MiB/min under `npm run load -- --soak`, with the V8 heap flat); in
 * memory-level (the tests) it pins the old versions of the in-memory tree.
 *
 * This gives those iterators the `return()` dynalite calls, closing them. It patches the
 * abstract-level that dynalite's own `level` and `memory-level` load (resolved from dynalite, not
 * from this project), once; a later dynalite that closes its iterators is unaffected, since an
 * iterator already closed closes again as a no-op. Local stand-in only: nothing deployed runs
 * dynalite.
 */

/** The iterator classes abstract-level exports (each with `close()`, none with `return()`). */
interface IteratorClass {
  readonly prototype: { return?: (this: { close(): Promise<void> }) => Promise<void>; close(): Promise<void> };
}

/** The part of abstract-level this module and its test use. */
export interface AbstractLevelModule {
  readonly AbstractIterator: IteratorClass;
  readonly AbstractKeyIterator: IteratorClass;
  readonly AbstractValueIterator: IteratorClass;
  readonly AbstractLevel: { readonly prototype: { attachResource(resource: unknown): void; detachResource(resource: unknown): void } };
}

/**
 * Every copy of abstract-level that dynalite's stores load: through `level` (classic-level, on
 * disk) and `memory-level` (in memory). Usually one module, deduplicated.
 *
 * @example
 * for (const abstractLevel of dynaliteAbstractLevels()) console.log(typeof abstractLevel.AbstractIterator);
 */
export const dynaliteAbstractLevels = (): AbstractLevelModule[] => {
  const dynalite = createRequire(import.meta.url).resolve('dynalite');
  const level = createRequire(dynalite).resolve('level');
  const stores = [createRequire(level).resolve('classic-level'), createRequire(dynalite).resolve('memory-level')];
  const paths = new Set(stores.map((store) => createRequire(store).resolve('abstract-level')));
  return [...paths].map((path) => createRequire(path)(path) as AbstractLevelModule);
};

let installed = false;

/**
 * Makes dynalite close the LevelDB iterator of every Query and Scan once its stream ends. Call it
 * before dynalite serves (idempotent).
 *
 * @example
 * closeDynaliteIterators();
 * const server = dynalite({ path });
 */
export const closeDynaliteIterators = (): void => {
  if (installed) return;
  for (const abstractLevel of dynaliteAbstractLevels()) {
    for (const iterator of [abstractLevel.AbstractIterator, abstractLevel.AbstractKeyIterator, abstractLevel.AbstractValueIterator]) {
      iterator.prototype.return ??= function (this: { close(): Promise<void> }) {
        return this.close();
      };
    }
  }
  installed = true;
};
