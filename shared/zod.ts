/**
 * zod for code that ships in a Lambda: `zod/mini`, the tree-shakable build of zod 4 (classic
 * zod's `z` is one ~400 KB namespace that esbuild cannot trim), with CareBow's English messages
 * for validation errors (shared/zod-messages.ts). Import it as a namespace, `import * as z from '../zod'`, so unused parts
 * are shaken out. CDK-only code (`lib/`) may use classic zod.
 */
import { config } from 'zod/mini';
import { validationMessage } from './zod-messages';

config({ localeError: validationMessage });

export * from 'zod/mini';
/** Any zod schema, classic or mini. */
export type Schema<T = unknown> = import('zod/v4/core').$ZodType<T>;

/**
 * Builds a module-level schema that a function's bundle drops when nothing in it uses the schema.
 * A zod schema is built when its module loads, by calls esbuild must keep as they might have side
 * effects; a `@__PURE__` call whose only argument is a function has none, so esbuild may drop it
 * whole. Contract modules declare their schemas this way (or end them in `.register(...)`, marked
 * `@__PURE__` too), so a route builds at cold start only the schemas of its own line.
 *
 * @example
 * export const Id = declared(() => z.uuid().check(z.maxLength(36))); // marked `@__PURE__` in the contracts
 */
export const declared = <T>(build: () => T): T => build();
