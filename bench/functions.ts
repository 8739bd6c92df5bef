import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { routes, type RouteId } from '../functions/routes';
import { WORKER_FILES } from '../functions/routes/bundle-files';
import {
  AUDIT_ANCHOR_ENTRY,
  AUTHORIZER_ENTRY,
  CHAT_WORKER_ENTRY,
  CONTENT_WORKER_ENTRY,
  NOTIFICATIONS_WORKER_ENTRY,
  TRIAGE_WORKER_ENTRY,
} from '../lib/function-entries';
import { MODEL_CLIENT_MODULES } from '../shared/adapters/openai/sdk';
import { BENCH_DIR, PROJECT_ROOT, bundleFunctions, bundleSdkReference, sdkImportsOf, sdkInputsOf, type BundleResult, type SdkImports } from '../scripts/bundle';

/**
 * The functions CareBow deploys, bundled as the CDK bundles them, each next to a reference bundle
 * of exactly the AWS SDK it uses. Shared by `bench/run.ts` and `test/build/bundle-budget.test.ts`,
 * so the bench reports and the test enforces the same numbers.
 */

const KB = 1024;
/**
 * The chat worker's budgets, KB: a small margin above what it measured when it got its own worker
 * (544.5 KB with the `openai` client, 157.7 KB without; ADR 0012).
 */
const CHAT_WORKER_OWN_CODE_KB = 560;
const CHAT_WORKER_WITHOUT_MODEL_CLIENT_KB = 170;

/** The budgets from the issue. Sizes are bytes (1 KB = 1024 bytes). */
export const BUDGETS = {
  authorizerBundleBytes: 50 * KB,
  authorizerImportMs: 30,
  ownCodeBytes: 100 * KB,
  /**
   * The triage worker's own code (ADR 0005, "The worker's size budget"): it is off the request
   * path and carries the `openai` client issue 4 asks for (~395 KB minified, not tree-shakable: its
   * client class constructs every resource), as a file beside its bundle loaded on the first model
   * call (ADR 0024), counted here. Everything else must stay lean, so its bundle is held to its own figure.
   */
  workerOwnCodeBytes: 550 * KB,
  /**
   * The triage worker's own code other than the `openai` package (its bundle): symptom sessions only. It was 190 KB
   * while the worker also answered chat (retrieval over the library, the tools); chat has its own
   * worker now (ADR 0005), so it is back to 140 KB.
   */
  workerOwnCodeWithoutModelClientBytes: 140 * KB,
  /**
   * The chat worker's own code (ADR 0012, "The chat worker's size budget"): the `openai` client like the
   * triage worker, plus the library's retrieval (MiniSearch), the assistant's tools and the directory
   * and appointment reads they run.
   */
  chatWorkerOwnCodeBytes: CHAT_WORKER_OWN_CODE_KB * KB,
  /** The chat worker's own code other than the `openai` package (ADR 0012). */
  chatWorkerOwnCodeWithoutModelClientBytes: CHAT_WORKER_WITHOUT_MODEL_CLIENT_KB * KB,
  /**
   * A streamed route (`stream: true` in the route table, ADR 0012): the model's reply streams for
   * seconds after a cold start, and the route carries the library's retrieval (MiniSearch) and a
   * streaming model adapter on top of what the queued chat route has.
   */
  streamRouteOwnCodeBytes: 140 * KB,
  /**
   * The content worker (ADR 0011): off the request path, it carries the Markdown renderer (`marked`,
   * ~52 KB) and MiniSearch (~18 KB), which are why it exists instead of rendering in a route.
   */
  contentWorkerOwnCodeBytes: 160 * KB,
  maxBundleBytes: 1024 * KB,
} as const;

/** The one package the worker's own-code exception is for. */
export const MODEL_CLIENT_PACKAGE = 'openai';

export interface FunctionTarget {
  /** `authorizer`, a worker's id (`triage-worker`, …), or the route id in `functions/routes.ts`. */
  readonly id:
    | 'authorizer'
    | typeof WORKER_ID
    | typeof CHAT_WORKER_ID
    | typeof NOTIFICATIONS_WORKER_ID
    | typeof CONTENT_WORKER_ID
    | typeof AUDIT_ANCHOR_WORKER_ID
    | RouteId;
  /** Handler module under `functions/`, without extension. */
  readonly entry: string;
  /** `functions/<entry>.ts`, relative to the project root. */
  readonly file: string;
  /** Data files shipped beside the bundle, relative to the entry's folder (the route's `bundleFiles`). */
  readonly bundleFiles?: readonly string[];
  /** Code built beside the bundle, loaded on first use (file name → entry; lib/functions.ts `lazyModules`, ADR 0024). */
  readonly lazyModules?: Readonly<Record<string, string>>;
}

/** The authorizer, then one function per line of the route table, in table order. */
export const functionTargets = (): FunctionTarget[] => [
  { id: 'authorizer', entry: AUTHORIZER_ENTRY, file: `functions/${AUTHORIZER_ENTRY}.ts` },
  ...(Object.entries(routes) as [RouteId, (typeof routes)[RouteId]][]).map(([id, route]) => ({
    id,
    entry: route.entry,
    file: `functions/${route.entry}.ts`,
    ...(route.bundleFiles?.length ? { bundleFiles: route.bundleFiles } : {}),
  })),
];

export const WORKER_ID = 'triage-worker';

/** The chat worker (SQS): held to `chatWorkerOwnCodeBytes` and `chatWorkerOwnCodeWithoutModelClientBytes`. */
export const CHAT_WORKER_ID = 'chat-worker';

/**
 * Functions that are not routes: the triage worker (SQS), held to `workerOwnCodeBytes` and
 * `workerOwnCodeWithoutModelClientBytes` (its `bundleFiles` are the ones `lib/triage.ts` ships), the
 * chat worker (SQS, the same files, lib/chat.ts), the notifications worker (SQS) and the content worker (SQS).
 */
export const workerTargets = (): FunctionTarget[] => [
  { id: WORKER_ID, entry: TRIAGE_WORKER_ENTRY, file: `functions/${TRIAGE_WORKER_ENTRY}.ts`, bundleFiles: WORKER_FILES, lazyModules: MODEL_CLIENT_MODULES },
  { id: CHAT_WORKER_ID, entry: CHAT_WORKER_ENTRY, file: `functions/${CHAT_WORKER_ENTRY}.ts`, bundleFiles: WORKER_FILES, lazyModules: MODEL_CLIENT_MODULES },
  { id: NOTIFICATIONS_WORKER_ID, entry: NOTIFICATIONS_WORKER_ENTRY, file: `functions/${NOTIFICATIONS_WORKER_ENTRY}.ts` },
  { id: CONTENT_WORKER_ID, entry: CONTENT_WORKER_ENTRY, file: `functions/${CONTENT_WORKER_ENTRY}.ts` },
  { id: AUDIT_ANCHOR_WORKER_ID, entry: AUDIT_ANCHOR_ENTRY, file: `functions/${AUDIT_ANCHOR_ENTRY}.ts` },
];

/** The audit anchor worker (scheduled, ADR 0014): no exception, it is held to the routes' `ownCodeBytes`. */
export const AUDIT_ANCHOR_WORKER_ID = 'audit-anchor-worker';

/** The content worker (SQS): renders published posts and rebuilds the search index, held to `contentWorkerOwnCodeBytes`. */
export const CONTENT_WORKER_ID = 'content-worker';

/** The notifications worker (SQS): no exception, it is held to the routes' `ownCodeBytes`. */
export const NOTIFICATIONS_WORKER_ID = 'notifications-worker';

export interface BundledFunction extends FunctionTarget {
  readonly bundle: BundleResult;
  /** The `@aws-sdk/*` entry points the bundle uses and the names it imports from each. */
  readonly sdkImports: SdkImports;
  /** Bundle of just that SDK (undefined if the function uses none). */
  readonly reference: (BundleResult & { readonly source: string }) | undefined;
  /** Inputs of the bundle that are the AWS SDK or its `@smithy` runtime. */
  readonly sdkInputs: readonly string[];
  /** bundle − reference: our code and its non-SDK dependencies. */
  readonly ownBytes: number;
  /** Cross-check of `ownBytes` from the metafile: bundle − bytes of the inputs the reference also has. */
  readonly ownBytesByMetafile: number;
}

export type BundleOutcome = (BundledFunction & { readonly ok: true }) | (FunctionTarget & { readonly ok: false; readonly error: string });

/**
 * Bundles every function in one esbuild pass into `<outRoot>/functions/<entry>/index.mjs`, then builds
 * one SDK reference per distinct SDK footprint into `<outRoot>/sdk-reference/`. A function whose
 * entry is missing or does not build comes back `ok: false` with esbuild's message.
 */
export const bundleAll = async (outRoot: string = BENCH_DIR, targets: readonly FunctionTarget[] = functionTargets()): Promise<BundleOutcome[]> => {
  type Built = { target: FunctionTarget; bundle: BundleResult; sdkImports: SdkImports } | { target: FunctionTarget; error: string };
  const present = targets.filter((target) => existsSync(join(PROJECT_ROOT, target.file)));
  const bundles = await bundleFunctions(
    present.map((target) => ({ entryFile: target.file, files: target.bundleFiles ?? [], lazyModules: target.lazyModules ?? {} })),
    join(outRoot, 'functions'),
  );
  const bundleOf = new Map(present.map((target, index) => [target, bundles[index]!]));
  const bundled = await Promise.all(
    targets.map(async (target): Promise<Built> => {
      const bundle = bundleOf.get(target) ?? new Error(`${target.file} does not exist`);
      return bundle instanceof Error ? { target, error: bundle.message } : { target, bundle, sdkImports: await sdkImportsOf(bundle) };
    }),
  );

  // Functions with the same SDK footprint share one reference (same source, same bytes).
  const references = new Map<string, Promise<BundleResult & { source: string }>>();
  const referenceFor = (imports: SdkImports) => {
    const key = JSON.stringify(imports);
    if (!references.has(key)) {
      references.set(key, bundleSdkReference(Object.keys(imports), { imports, outdir: join(outRoot, 'sdk-reference', `ref-${references.size}`) }));
    }
    return references.get(key)!;
  };

  return Promise.all(
    bundled.map(async (item): Promise<BundleOutcome> => {
      if ('error' in item) return { ...item.target, ok: false, error: item.error };
      const { target, bundle, sdkImports } = item;
      const reference = Object.keys(sdkImports).length === 0 ? undefined : await referenceFor(sdkImports);
      const inReference = new Set(Object.keys(reference?.inputs ?? {}));
      const sharedBytes = Object.entries(bundle.inputs)
        .filter(([file]) => inReference.has(file))
        .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
      return {
        ...target,
        ok: true,
        bundle,
        sdkImports,
        reference,
        sdkInputs: sdkInputsOf(bundle.inputs),
        ownBytes: bundle.bytes - (reference?.bytes ?? 0),
        ownBytesByMetafile: bundle.bytes - sharedBytes,
      };
    }),
  );
};

/** The single most common client, as a machine yardstick for import times of SDK-free functions. */
export const YARDSTICK_IMPORTS: SdkImports = { '@aws-sdk/client-dynamodb': ['DynamoDBClient'] };

export const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;
