import type * as Sdk from './sdk-entry';

/** The part of the `openai` package the model adapter uses (sdk-entry.ts). */
export type OpenAiSdk = typeof Sdk;

/** The file the client ships in beside a worker's bundle, built from `OPENAI_SDK_ENTRY` (lib/function-bundles.ts, scripts/bundle.ts). */
export const OPENAI_SDK_FILE = 'openai-sdk.mjs';
/** Its entry, from the project root. */
export const OPENAI_SDK_ENTRY = 'shared/adapters/openai/sdk-entry.ts';
/** What the workers ship beside their bundle (file name → entry; `lazyModules` in lib/functions.ts and bench/functions.ts). */
export const MODEL_CLIENT_MODULES: Readonly<Record<string, string>> = { [OPENAI_SDK_FILE]: OPENAI_SDK_ENTRY };

const importSdk = (): Promise<OpenAiSdk> =>
  // Folded at build time (shared/runtime/target.ts): a Lambda bundle imports the file beside it, whose name esbuild
  // cannot follow, so the client is not in the bundle; unbundled (npm start, tests), the package itself.
  process.env.CAREBOW_LAMBDA_BUNDLE === 'true' ? (import(new URL(`./${OPENAI_SDK_FILE}`, import.meta.url).href) as Promise<OpenAiSdk>) : import('./sdk-entry');

let loading: Promise<OpenAiSdk> | undefined;

/**
 * The `openai` client, loaded on the first model call, not when the worker starts (ADR 0024). Its ~395 KB were
 * about 8 ms of CPU of a worker's cold start (compiling it, even unrun), on every cold start, whether or not the
 * first message calls the model (a patient without AI consent, a stage without a key); on a model call it is a few
 * milliseconds of a call of seconds. A failed load is not kept: the next call tries again.
 *
 * @example
 * const { OpenAI } = await loadOpenAiSdk();
 */
export const loadOpenAiSdk = (): Promise<OpenAiSdk> => {
  loading ??= importSdk().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
};
