import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, type ILocalBundling } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as esbuild from 'esbuild';
import { LAMBDA_BUNDLE_DEFINE } from '../shared/runtime/target';
import { functionEntries } from './function-entries';

/**
 * How every CareBow function is bundled, and the one esbuild pass that bundles them all (ADR 0025).
 * `scripts/bundle.ts` builds with the same options for the bench and the size budgets, so what they
 * measure is what ships.
 */

/** The repository root: entries and packages are resolved from here. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The handler module `entry` (under `functions/`, without extension) as a file path. */
export const entryFile = (entry: string): string => path.join(PROJECT_ROOT, 'functions', `${entry}.ts`);

/** ESM needs `require` for the CommonJS packages esbuild inlines (the AWS SDK's among them). */
const BUNDLE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * The esbuild options of every function bundle: ESM, minified, node24 (`nodejs24.x`), the AWS SDK v3
 * bundled (nothing external, so a cold start never resolves a package from the runtime's copy),
 * `module` before `main` so packages give their tree-shakable build, and the Lambda defines.
 */
export const FUNCTION_BUILD_OPTIONS = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  mainFields: ['module', 'main'],
  banner: { js: BUNDLE_BANNER },
  define: LAMBDA_BUNDLE_DEFINE,
  absWorkingDir: PROJECT_ROOT,
  logLevel: 'silent',
} as const satisfies esbuild.BuildOptions;

/**
 * Options that build each entry point (output name → source file) to `<outdir>/<output name>.mjs` in one
 * esbuild pass. Without code splitting each output is the bundle that entry would get built alone, byte
 * for byte (test/build/bundle-budget.test.ts checks it); the pass parses each module once instead of
 * once per function, which makes it about five times faster for CareBow's functions.
 *
 * @example
 * await esbuild.build(onePassOptions({ 'identity/login/index': entryFile('identity/login') }, outdir));
 */
export const onePassOptions = (entryPoints: Readonly<Record<string, string>>, outdir: string) =>
  ({ ...FUNCTION_BUILD_OPTIONS, entryPoints: { ...entryPoints }, outdir, outExtension: { '.js': '.mjs' } }) satisfies esbuild.BuildOptions;

/** What a function ships beside its bundle. */
export interface BundleExtras {
  /** Data files beside the entry (relative to its folder), copied next to the bundle under their base names. */
  readonly files?: readonly string[];
  /** Code built beside the bundle as files of their own (file name → entry from the project root, ADR 0024). */
  readonly lazyModules?: Readonly<Record<string, string>>;
}

/**
 * This process's bundles: the first function that needs one builds every entry of
 * `functionEntries()` (and its own, if it is not listed) in one pass; the rest, in every stage, copy
 * theirs. `NodejsFunction` ran `npx esbuild` once per function, each parsing the same modules again.
 */
class OnePassBuild {
  /** Passes run in this process: one per synth when `functionEntries()` lists every function. */
  passes = 0;
  private dir: string | undefined;
  private readonly built = new Set<string>();

  /** The folder holding `index.mjs` and `index.mjs.map` of `entry`. */
  bundleOf(entry: string): string {
    if (!this.built.has(entry)) this.build([entry, ...functionEntries().filter((other) => other !== entry && !this.built.has(other))]);
    return path.join(this.outdir(), entry);
  }

  /** The folder holding the lazy module `file` built from `entry`, with the bundles' options but no source map (a library's code). */
  lazyModuleOf(file: string, entry: string): string {
    const dir = path.join(this.outdir(), 'lazy-modules', entry);
    if (!this.built.has(`lazy:${entry}:${file}`)) {
      esbuild.buildSync({ ...FUNCTION_BUILD_OPTIONS, entryPoints: [path.join(PROJECT_ROOT, entry)], outfile: path.join(dir, file), logLevel: 'warning' });
      this.built.add(`lazy:${entry}:${file}`);
    }
    return dir;
  }

  private build(entries: readonly string[]): void {
    const entryPoints = Object.fromEntries(entries.map((entry) => [`${entry}/index`, entryFile(entry)]));
    // The source map makes a stack trace in the logs name our files (NODE_OPTIONS=--enable-source-maps); without the sources, it stays small.
    esbuild.buildSync({ ...onePassOptions(entryPoints, this.outdir()), sourcemap: true, sourcesContent: false, logLevel: 'warning' });
    this.passes += 1;
    for (const entry of entries) this.built.add(entry);
  }

  private outdir(): string {
    if (this.dir === undefined) {
      // Inside the project, so the source maps' relative paths, and with them the assets' hashes, are the same on every
      // machine; scratch, since each synth stages its own copy of what it uses.
      const cache = path.join(PROJECT_ROOT, 'node_modules', '.cache');
      mkdirSync(cache, { recursive: true });
      const dir = mkdtempSync(path.join(cache, 'carebow-bundles-'));
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      this.dir = dir;
    }
    return this.dir;
  }
}

const onePass = new OnePassBuild();

/** How many esbuild passes built function bundles in this process: a function missing from `functionEntries()` costs one more. */
export const functionBundlingPasses = (): number => onePass.passes;

/**
 * CDK's local bundling of one function from the shared pass. Its fields are data, not behaviour, on
 * purpose: CDK keys its asset cache on the bundling options' JSON, so two functions (or one in two
 * stages) share a staged asset exactly when they ship the same entry and extras.
 */
class FromOnePass implements ILocalBundling {
  constructor(
    readonly entry: string,
    readonly files: readonly string[],
    readonly lazyModules: Readonly<Record<string, string>>,
  ) {}

  tryBundle(outputDir: string): boolean {
    const bundle = onePass.bundleOf(this.entry);
    for (const file of ['index.mjs', 'index.mjs.map']) copyFileSync(path.join(bundle, file), path.join(outputDir, file));
    for (const file of this.files) copyFileSync(path.join(path.dirname(entryFile(this.entry)), file), path.join(outputDir, path.basename(file)));
    for (const [file, entry] of Object.entries(this.lazyModules)) copyFileSync(path.join(onePass.lazyModuleOf(file, entry), file), path.join(outputDir, file));
    return true;
  }
}

/**
 * A function's code: its bundle from the one pass, with its data files and lazy modules beside it.
 * Bundled only for the stacks `cdk synth` bundles (`aws:cdk:bundling-stacks`), like any CDK asset,
 * and hashed by its output, so an unchanged bundle is not deployed again.
 *
 * @example
 * new lambda.Function(this, 'LoginFunction', { code: functionCode('identity/login'), handler: 'index.handler', … });
 */
export const functionCode = (entry: string, { files = [], lazyModules = {} }: BundleExtras = {}): lambda.Code =>
  lambda.Code.fromAsset(PROJECT_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      local: new FromOnePass(entry, files, lazyModules),
      // Never pulled: local bundling always succeeds or throws (esbuild is a dependency), as NodejsFunction does when esbuild is installed.
      image: DockerImage.fromRegistry('dummy'),
    },
  });
