import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { FUNCTION_BUILD_OPTIONS, onePassOptions, PROJECT_ROOT } from '../lib/function-bundles';
import ts from 'typescript';

/**
 * Bundles Lambda entries the way the CDK ships them, with the same options (`lib/function-bundles.ts`),
 * so a size or import time measured here is the size and import time of what is deployed. Only the
 * source map differs: the CDK writes one next to the bundle, which is not code, so it is off here.
 *
 * Used by `bench/run.ts` (`npm run bench`) and `test/build/bundle-budget.test.ts`.
 */

export { PROJECT_ROOT };
/** Git-ignored scratch folder for bundles. */
export const BENCH_DIR = join(PROJECT_ROOT, '.bench');

/** The options every function is bundled with (lib/function-bundles.ts), without the source map, with the metafile. */
export const CDK_BUILD_OPTIONS = { ...FUNCTION_BUILD_OPTIONS, sourcemap: false, metafile: true, write: true } as const satisfies esbuild.BuildOptions;

/** What one input file (a module) contributes to the bundle. */
export type BundleInputs = Record<string, { bytesInOutput: number }>;

export interface BundleResult {
  /** Size of the minified bundle file in bytes. */
  readonly bytes: number;
  /** Absolute path of the written bundle (`index.mjs`, like the CDK asset). */
  readonly outfile: string;
  /** Every input (path relative to the project root) and the bytes it adds to the output. */
  readonly inputs: BundleInputs;
  /** The bundle's exports (a handler must export `handler`). */
  readonly exports: readonly string[];
  /** esbuild's full metafile: the import graph, for attribution. */
  readonly metafile: esbuild.Metafile;
  /** Data files copied next to the bundle (a function's `bundleFiles`), absolute paths. */
  readonly dataFiles?: readonly string[];
  /** Code built next to the bundle as files of their own (a function's `lazyModules`, ADR 0024), by file name. */
  readonly lazyModules?: Readonly<Record<string, BundleResult>>;
}

const build = async (options: esbuild.BuildOptions & { outfile: string }): Promise<BundleResult> => {
  await mkdir(dirname(options.outfile), { recursive: true });
  const result = await esbuild.build({ ...CDK_BUILD_OPTIONS, ...options });
  const metafile = result.metafile!;
  const [, output] = Object.entries(metafile.outputs).find(([file]) => file.endsWith('.mjs'))!;
  return { bytes: output.bytes, outfile: options.outfile, inputs: output.inputs, exports: output.exports, metafile };
};

/** `functions/identity/login.ts` → `identity/login`; anything else → its path without extension. */
const entryName = (entryFile: string): string =>
  relative(join(PROJECT_ROOT, 'functions'), resolve(PROJECT_ROOT, entryFile))
    .replace(/\.[cm]?[jt]s$/, '')
    .replaceAll('..', '_');

/** What a function ships beside its bundle (`bundleFiles` and `lazyModules` in lib/functions.ts). */
export interface FunctionExtras {
  /** Data files, relative to the entry's folder. */
  readonly files?: readonly string[];
  /** File name → entry from the project root. */
  readonly lazyModules?: Readonly<Record<string, string>>;
}

/**
 * Copies a bundle's data files (`files`, paths relative to the entry's folder) next to it under their base names, as the
 * CDK's bundling does (lib/function-bundles.ts): the code reads them from `import.meta.dirname` at cold start, so a
 * bundle without them does not import. Data files are not code: they never count in `bytes`. Its `lazyModules` (file
 * name → entry) are built beside it with the same options, each with its own `bytes`.
 */
const withExtras = async (entryFile: string, bundle: BundleResult, { files = [], lazyModules = {} }: FunctionExtras): Promise<BundleResult> => {
  const dir = dirname(bundle.outfile);
  const dataFiles = await Promise.all(
    files.map(async (file) => {
      const target = join(dir, basename(file));
      await copyFile(resolve(dirname(resolve(PROJECT_ROOT, entryFile)), file), target);
      return target;
    }),
  );
  const modules: Record<string, BundleResult> = {};
  for (const [file, entry] of Object.entries(lazyModules))
    modules[file] = await build({ entryPoints: [resolve(PROJECT_ROOT, entry)], outfile: join(dir, file) });
  return { ...bundle, dataFiles, ...(Object.keys(modules).length > 0 ? { lazyModules: modules } : {}) };
};

/**
 * Bundles one function entry with the CDK's options into `<outdir>/index.mjs`, with its data files and lazy modules
 * beside it ({@link FunctionExtras}).
 *
 * @example
 * const { bytes, inputs } = await bundleFunction('functions/identity/authorizer.ts');
 */
export const bundleFunction = async (entryFile: string, { outdir, ...extras }: FunctionExtras & { outdir?: string } = {}): Promise<BundleResult> => {
  const dir = outdir ?? join(BENCH_DIR, 'bundles', entryName(entryFile));
  return withExtras(entryFile, await build({ entryPoints: [resolve(PROJECT_ROOT, entryFile)], outfile: join(dir, 'index.mjs') }), extras);
};

/** The part of a one-pass metafile that is one output's: its inputs and that output. */
const metafileOf = (metafile: esbuild.Metafile, outputKey: string): esbuild.Metafile => {
  const output = metafile.outputs[outputKey]!;
  return { inputs: Object.fromEntries(Object.keys(output.inputs).map((file) => [file, metafile.inputs[file]!])), outputs: { [outputKey]: output } };
};

/**
 * {@link bundleFunction} for many entries, into `<outRoot>/<entry name>/index.mjs`, in one esbuild pass
 * (lib/function-bundles.ts, ADR 0025): byte for byte the same bundles, about five times faster. If the pass fails,
 * each entry is built alone, so the error that comes back names the entry that does not bundle.
 *
 * @example
 * const [login, me] = await bundleFunctions([{ entryFile: 'functions/identity/login.ts' }, { entryFile: 'functions/identity/me.ts' }], outRoot);
 */
export const bundleFunctions = async (functions: readonly ({ entryFile: string } & FunctionExtras)[], outRoot: string): Promise<(BundleResult | Error)[]> => {
  const outKey = (entryFile: string) => `${entryName(entryFile)}/index`;
  let metafile: esbuild.Metafile;
  try {
    const entryPoints = Object.fromEntries(functions.map(({ entryFile }) => [outKey(entryFile), resolve(PROJECT_ROOT, entryFile)]));
    metafile = (await esbuild.build({ ...CDK_BUILD_OPTIONS, ...onePassOptions(entryPoints, outRoot) })).metafile!;
  } catch {
    return Promise.all(
      functions.map(({ entryFile, ...extras }) =>
        bundleFunction(entryFile, { outdir: join(outRoot, entryName(entryFile)), ...extras }).catch((error: unknown) => asError(error)),
      ),
    );
  }
  return Promise.all(
    functions.map(async ({ entryFile, ...extras }) => {
      const outfile = join(outRoot, `${outKey(entryFile)}.mjs`);
      const key = relative(PROJECT_ROOT, outfile);
      const output = metafile.outputs[key]!;
      const bundle = { bytes: output.bytes, outfile, inputs: output.inputs, exports: output.exports, metafile: metafileOf(metafile, key) };
      return withExtras(entryFile, bundle, extras).catch((error: unknown) => asError(error));
    }),
  );
};

/** esbuild's failure as an Error whose message lists its errors. */
const asError = (error: unknown): Error => new Error((error as { errors?: { text: string }[] }).errors?.map((e) => e.text).join('; ') ?? String(error));

// ---------------------------------------------------------------------------------------------
// The AWS SDK a function uses, and a reference bundle of exactly that SDK.
// ---------------------------------------------------------------------------------------------

/** Packages that are the AWS SDK v3 itself or only exist as its runtime. */
export const SDK_INPUT = /(^|\/)node_modules\/(@aws-sdk|@smithy|@aws-crypto)\//;

const NAMESPACE = '*';

/**
 * The AWS SDK entry points a bundle uses: `@aws-sdk/<pkg>` → the value names imported from it
 * (`'*'` when they cannot be known, which makes the reference keep the whole package).
 */
export type SdkImports = Record<string, string[]>;

/** The named value imports (type-only ones excluded) from `@aws-sdk/*` in one source file. */
const sdkNamesIn = (file: string, text: string): Map<string, Set<string>> => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found = new Map<string, Set<string>>();
  const add = (pkg: string, name: string) => {
    if (!found.has(pkg)) found.set(pkg, new Set());
    found.get(pkg)!.add(name);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const pkg = node.moduleSpecifier.text;
      if (!pkg.startsWith('@aws-sdk/')) return;
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause;
        if (clause === undefined) {
          add(pkg, NAMESPACE); // side-effect import: keep it all
          return;
        }
        if (clause.isTypeOnly) return;
        if (clause.name) add(pkg, 'default');
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) add(pkg, NAMESPACE);
        else for (const element of bindings?.elements ?? []) if (!element.isTypeOnly) add(pkg, (element.propertyName ?? element.name).text);
      } else {
        if (node.isTypeOnly) return;
        const clause = node.exportClause;
        if (clause === undefined || ts.isNamespaceExport(clause)) add(pkg, NAMESPACE);
        else for (const element of clause.elements) if (!element.isTypeOnly) add(pkg, (element.propertyName ?? element.name).text);
      }
      return;
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg) && arg.text.startsWith('@aws-sdk/')) add(arg.text, NAMESPACE);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

/**
 * Which AWS SDK packages a bundle actually contains, and which of their exports its code uses.
 *
 * How: the metafile's import graph says which `@aws-sdk/*` packages made it into the bundle (with
 * bytes in the output, not just reached and tree-shaken) and which non-SDK input that is itself in
 * the output imported each one (esbuild records the specifier as `original`). Those
 * importers are our own sources, so they are parsed (TypeScript's parser, syntax only) for the
 * value names imported from that package; `import type` never reaches the bundle and is skipped.
 * Packages the SDK pulls in itself (`@aws-sdk/core`, `@smithy/*`, credential providers...) are
 * not listed: the reference brings them in exactly as the function does, by importing the same
 * entry points. If a name cannot be known (a namespace import, a dependency importing the SDK),
 * the whole package is kept (`'*'`): the reference gets bigger, so own code is under-, never
 * over-stated on that count.
 */
export const sdkImportsOf = async (bundle: Pick<BundleResult, 'metafile' | 'inputs'>): Promise<SdkImports> => {
  const inOutput = (file: string) => (bundle.inputs[file]?.bytesInOutput ?? 0) > 0;
  const packageInOutput = (pkg: string) => Object.keys(bundle.inputs).some((file) => file.includes(`node_modules/${pkg}/`) && inOutput(file));
  const imports: Record<string, Set<string>> = {};
  for (const [file, input] of Object.entries(bundle.metafile.inputs)) {
    // An importer esbuild tree-shook away (e.g. a Secrets Manager adapter the entry never calls)
    // does not put its SDK package in the bundle, so it must not put it in the reference either.
    if (SDK_INPUT.test(file) || !inOutput(file)) continue;
    const specifiers = input.imports.map((edge) => edge.original ?? '').filter((spec) => spec.startsWith('@aws-sdk/'));
    const packages = [...new Set(specifiers.map((spec) => spec.split('/').slice(0, 2).join('/')))].filter(packageInOutput);
    if (packages.length === 0) continue;
    const names = file.includes('node_modules/') ? new Map<string, Set<string>>() : sdkNamesIn(file, await readFile(join(PROJECT_ROOT, file), 'utf8'));
    for (const pkg of packages) {
      imports[pkg] ??= new Set();
      const used = names.get(pkg);
      if (used === undefined || used.size === 0) imports[pkg].add(NAMESPACE);
      else for (const name of used) imports[pkg].add(name);
    }
  }
  return Object.fromEntries(
    Object.entries(imports)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([pkg, names]) => [pkg, [...names].sort()]),
  );
};

/** True if any input of the bundle is the AWS SDK (or its `@smithy` runtime). */
export const sdkInputsOf = (inputs: BundleInputs): string[] => Object.keys(inputs).filter((file) => SDK_INPUT.test(file));

/** The entry source of an SDK reference bundle: see {@link bundleSdkReference}. */
export const sdkReferenceSource = (imports: SdkImports): string => {
  const lines = ['// Generated by scripts/bundle.ts: the AWS SDK a function uses, and nothing else.'];
  const clients: string[] = [];
  const used: string[] = [];
  Object.entries(imports).forEach(([pkg, names], index) => {
    if (names.includes(NAMESPACE)) {
      lines.push(`import * as p${index} from ${JSON.stringify(pkg)};`);
      used.push(`p${index}`);
      return;
    }
    const bindings = names.map((name) => `${name === 'default' ? 'default' : name} as p${index}_${name}`);
    lines.push(`import { ${bindings.join(', ')} } from ${JSON.stringify(pkg)};`);
    for (const name of names) {
      used.push(`p${index}_${name}`);
      // A service client is constructed once, as every handler does at load.
      if (pkg.startsWith('@aws-sdk/client-') && /^[A-Z]\w*Client$/.test(name)) clients.push(`new p${index}_${name}({})`);
    }
  });
  lines.push(`export const clients = [${clients.join(', ')}];`);
  lines.push(`export const used = [${used.join(', ')}];`);
  return `${lines.join('\n')}\n`;
};

/** The `SdkImports` of plain package names: every package kept whole. */
const wholePackages = (packages: readonly string[]): SdkImports => Object.fromEntries(packages.map((pkg) => [pkg, [NAMESPACE]]));

/**
 * Bundles, with the same options, a tiny entry that imports only the AWS SDK a function uses:
 * for each package the very names the function imports (all exported, so none is tree-shaken)
 * and one instance of each service client. `bundle − reference` is then the function's own code
 * (ours and its non-SDK dependencies), and the reference's import time is a machine-independent
 * yardstick for the function's.
 *
 * `packages` are `@aws-sdk/*` package names; `imports` (from {@link sdkImportsOf}) narrows each to
 * the names used. A package without names is imported whole (`import * as`), an upper bound.
 *
 * @example
 * const fn = await bundleFunction('functions/identity/login.ts');
 * const imports = await sdkImportsOf(fn);
 * const ref = await bundleSdkReference(Object.keys(imports), { imports });
 * const ownCode = fn.bytes - ref.bytes;
 */
export const bundleSdkReference = async (
  packages: readonly string[],
  { imports, outdir }: { imports?: SdkImports; outdir?: string } = {},
): Promise<BundleResult & { readonly source: string }> => {
  const selected: SdkImports = { ...wholePackages(packages) };
  for (const pkg of packages) if (imports?.[pkg]?.length) selected[pkg] = imports[pkg];
  const source = sdkReferenceSource(selected);
  const id = createHash('sha256').update(source).digest('hex').slice(0, 12);
  const dir = outdir ?? join(BENCH_DIR, 'sdk-reference', id);
  await mkdir(dir, { recursive: true });
  const entry = join(dir, 'entry.mjs');
  await writeFile(entry, source);
  return { ...(await build({ entryPoints: [entry], outfile: join(dir, 'index.mjs') })), source };
};

/** Bytes per package (`node_modules/<pkg>`) or per own folder, largest first: why a bundle is big. */
export const contributors = (inputs: BundleInputs, exclude: (file: string) => boolean = () => false): [string, number][] => {
  const totals = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    if (exclude(file) || bytesInOutput === 0) continue;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? file;
    totals.set(pkg, (totals.get(pkg) ?? 0) + bytesInOutput);
  }
  return [...totals].sort(([, a], [, b]) => b - a);
};
