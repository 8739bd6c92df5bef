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
