import { execFileSync } from 'node:child_process';
import { existsSync, globSync, readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The dependency rule of the hexagon, checked over every .ts file of the tree: a file imports its
 * own layer or a lower one, never a higher one. Low → high:
 *
 *   0 kernel   shared/{zod,errors,logger,config,metric-catalog}.ts, shared/domain/**, shared/contracts/**, shared/data/**,
 *              shared/observability/**
 *   1 areas    shared/{identity,records,triage,assessment,chat,account,audit,budgets,vault,platform}/**, shared/deps.ts
 *   2 http     shared/http/**
 *   3 adapters shared/adapters/**
 *   4 runtime  shared/runtime/**
 *   5 functions functions/**
 *   6 outer    local/**, lib/**, bin/**, scripts/**, bench/**, test/** (and root config files)
 *
 * Also: layers 0–1 import no SDK or framework (they take ports), `functions/routes/**` (the route
 * table, imported by the CDK app, the local server and every handler) imports only layers 0–2 and
 * itself, and a shared/ folder or file (or a top-level folder) not listed here fails, so a new area
 * joins a layer on purpose. Type-only imports count: they are dependencies of the design too.
 */

/**
 * Violations accepted for now, each with its fix in a comment. Empty: the tree has none. When one
 * is fixed, the check fails until its line is removed here.
 */
const KNOWN_VIOLATIONS: readonly string[] = [];

const ROOT = posix.join(import.meta.dirname.split('\\').join('/'), '..', '..');

const LAYER_NAMES = ['kernel', 'areas', 'http', 'adapters', 'runtime', 'functions', 'outer'] as const;
const SHARED_ROOT_FILES: Record<string, number> = { zod: 0, 'zod-messages': 0, errors: 0, logger: 0, config: 0, 'env-schema': 0, 'metric-catalog': 0, deps: 1 };
const SHARED_FOLDERS: Record<string, number> = {
  domain: 0,
  contracts: 0,
  data: 0,
  // Metrics and trace context, pure (EMF lines, the Metrics port): the logger and every area use them.
  observability: 0,
  identity: 1,
  records: 1,
  triage: 1,
  assessment: 1,
  chat: 1,
  account: 1,
  audit: 1,
  budgets: 1,
  care: 1,
  content: 1,
  notifications: 1,
  vault: 1,
  platform: 1,
  http: 2,
  adapters: 3,
  runtime: 4,
};
const OUTER_FOLDERS = new Set(['local', 'lib', 'bin', 'scripts', 'bench', 'test', 'client']);
/** Packages the kernel and the areas never import: they are what adapters and the CDK app are for. */
const FORBIDDEN_BELOW_HTTP = /^(@aws-sdk\/|@middy\/|openai(\/|$)|aws-cdk-lib(\/|$)|constructs(\/|$))/;

type Place = { readonly layer: number } | { readonly unknown: string };

/** The layer of a repository path (posix, relative to the root), or why it has none. */
const placeOf = (file: string): Place => {
  const parts = file.split('/');
  if (parts[0] === '..' || posix.isAbsolute(file)) return { unknown: 'outside the repository' };
  if (parts[0] === 'shared') {
    if (parts.length === 2) {
      const name = parts[1]!.replace(/(\.d)?\.ts$/, '');
      return name in SHARED_ROOT_FILES ? { layer: SHARED_ROOT_FILES[name]! } : { unknown: `shared/${parts[1]} is not in any layer` };
    }
    const folder = parts[1]!;
    return folder in SHARED_FOLDERS
      ? { layer: SHARED_FOLDERS[folder]! }
      : { unknown: `shared/${folder}/ is an unknown shared folder: add it to a layer in test/unit/layers.test.ts on purpose` };
  }
  if (parts[0] === 'functions') return { layer: 5 };
  if (OUTER_FOLDERS.has(parts[0]!) || parts.length === 1) return { layer: 6 };
  return { unknown: `${parts[0]}/ is not in any layer` };
};

const describeLayer = (layer: number): string => `layer ${layer} (${LAYER_NAMES[layer]})`;

/** Where a relative specifier of `from` points, as the bundler would resolve it against `exists`. */
const resolveImport = (from: string, specifier: string, exists: (path: string) => boolean): string => {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates = [...(/\.m?js$/.test(base) ? [base.replace(/\.m?js$/, '.ts')] : []), `${base}.ts`, `${base}.d.ts`, `${base}/index.ts`, base];
  return candidates.find(exists) ?? (/\.(ts|json)$/.test(base) ? base : `${base}.ts`);
};

/** The specifiers a source imports: `import`/`export … from`, side-effect and dynamic `import()`, `require`; comments and strings ignored. */
const importsOf = (source: string): string[] => ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);

/** Every rule broken by `file`'s imports, one readable line each. */
const violationsOf = (file: string, source: string, exists: (path: string) => boolean = () => true): string[] => {
  const from = placeOf(file);
  if ('unknown' in from) return [`${file}: ${from.unknown}`];
  const problems: string[] = [];
  const inRouteTable = file.startsWith('functions/routes/');
  for (const specifier of importsOf(source)) {
    if (!specifier.startsWith('.')) {
      if (from.layer <= 1 && FORBIDDEN_BELOW_HTTP.test(specifier)) {
        problems.push(`${file} (${describeLayer(from.layer)}) imports the package '${specifier}': layers 0–1 take ports and never import an SDK or framework`);
      }
      continue;
    }
    // An import of a file that does not exist (yet) is placed by its path; tsc reports it as missing.
    const target = resolveImport(file, specifier, exists);
    const to = placeOf(target);
    if ('unknown' in to) problems.push(`${file} (${describeLayer(from.layer)}) imports '${specifier}' (${target}): ${to.unknown}`);
    else if (to.layer > from.layer) {
      problems.push(
        `${file} (${describeLayer(from.layer)}) imports '${specifier}' (${target}, ${describeLayer(to.layer)}): an upward import; a file may import its own layer or a lower one`,
      );
    } else if (inRouteTable && to.layer > 2 && !target.startsWith('functions/routes/')) {
      problems.push(
        `${file} (the route table) imports '${specifier}' (${target}, ${describeLayer(to.layer)}): the route table may import layers 0–2 and itself only`,
      );
    }
  }
  return problems;
};

/** Every .ts file of the tree: tracked, plus new files not yet added (never ignored ones such as scratch files). */
const treeFiles = (): string[] => {
  try {
    return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.ts'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((file) => file.length > 0 && existsSync(posix.join(ROOT, file)));
  } catch {
    return globSync('**/*.ts', {
      cwd: ROOT,
      exclude: (name) => name === 'node_modules' || name === 'cdk.out' || name.startsWith('.') || name.endsWith('.tmp.ts'),
    }).map((file) => file.split('\\').join('/'));
  }
};

describe('Layers', () => {
  const files = treeFiles();
  const isFile = (path: string): boolean => {
    try {
      return statSync(posix.join(ROOT, path)).isFile();
    } catch {
      return false;
    }
  };

  it('covers the whole tree', () => {
    // Assess
    expect(files.length).toBeGreaterThan(250);
    for (const folder of ['shared/domain/', 'shared/http/', 'shared/adapters/aws/', 'shared/runtime/', 'functions/routes/', 'lib/', 'test/unit/']) {
      expect(
        files.some((file) => file.startsWith(folder)),
        folder,
      ).toBe(true);
    }
  });

  it('has no upward import, no SDK below the http layer, a route table on layers 0–2, and no unlisted shared folder', () => {
    // Act
    const problems = files.flatMap((file) => violationsOf(file, readFileSync(posix.join(ROOT, file), 'utf8'), isFile));

    // Assess
    const unexpected = problems.filter((problem) => !KNOWN_VIOLATIONS.includes(problem));
    const fixed = KNOWN_VIOLATIONS.filter((known) => !problems.includes(known));
    expect(unexpected, unexpected.join('\n')).toEqual([]);
    expect(fixed, `fixed, so remove from KNOWN_VIOLATIONS:\n${fixed.join('\n')}`).toEqual([]);
  });
});

describe('Function: placeOf', () => {
  it.each([
    ['shared/errors.ts', 0],
    ['shared/zod.ts', 0],
    ['shared/logger.ts', 0],
    ['shared/config.ts', 0],
    ['shared/env-schema.ts', 0],
    ['shared/domain/page.ts', 0],
    ['shared/contracts/records.ts', 0],
    ['shared/data/tables.ts', 0],
    ['shared/deps.ts', 1],
    ['shared/records/profile.ts', 1],
    ['shared/triage/rules/engine.ts', 1],
    ['shared/platform/check-dependencies.ts', 1],
    ['shared/http/route.ts', 2],
    ['shared/adapters/aws/dynamo-records.ts', 3],
    ['shared/adapters/hmac-blind-index.ts', 3],
    ['shared/runtime/composition.ts', 4],
    ['functions/routes/index.ts', 5],
    ['functions/records/feedback.ts', 5],
    ['lib/api.ts', 6],
    ['bin/carebow.ts', 6],
    ['local/dynalite.d.ts', 6],
    ['test/unit/layers.test.ts', 6],
    ['vitest.config.ts', 6],
  ])('puts %s in layer %i', (file, layer) => {
    // Act, Assess
    expect(placeOf(file)).toEqual({ layer });
  });

  it.each(['shared/billing/invoice.ts', 'shared/helpers.ts', '../elsewhere/x.ts', 'tools/x.ts'])('places %s nowhere', (file) => {
    // Act, Assess
    expect(placeOf(file)).toEqual({ unknown: expect.any(String) });
  });
});

describe('Function: violationsOf', () => {
  it('fails an upward import, naming the file, the import and both layers', () => {
    // Act
    const problems = violationsOf('shared/records/profile.ts', "import { httpRoute } from '../http/http-route';\n");

    // Assess
    expect(problems).toEqual([
      "shared/records/profile.ts (layer 1 (areas)) imports '../http/http-route' (shared/http/http-route.ts, layer 2 (http)): an upward import; a file may import its own layer or a lower one",
    ]);
  });

  it.each([
    ['a type-only import', "import type { Vault } from '../vault/vault';", 'shared/domain/caller.ts'],
    ['a re-export', 'export * from "../runtime/composition";', 'shared/http/route.ts'],
    ['a dynamic import', "const { routes } = await import('../../functions/routes/index');", 'shared/runtime/target.ts'],
    ['a side-effect import', "import './adapters/aws/dynamo-client';", 'shared/deps.ts'],
    ['an import of the outer layer', "import { CareBowStack } from '../../lib/carebow-stack';", 'functions/identity/me.ts'],
  ])('catches %s', (_kind, source, file) => {
    // Act, Assess
    expect(violationsOf(file, source)).toEqual([expect.stringContaining('an upward import')]);
  });

  it('resolves a folder import to its index, and a .js specifier to the .ts file', () => {
    // Prepare
    const files = new Set(['functions/routes/index.ts', 'shared/http/route.ts']);
    const exists = (path: string) => files.has(path);

    // Act, Assess
    expect(resolveImport('shared/runtime/target.ts', '../../functions/routes', exists)).toBe('functions/routes/index.ts');
    expect(resolveImport('shared/adapters/x.ts', '../http/route.js', exists)).toBe('shared/http/route.ts');
    expect(violationsOf('shared/runtime/target.ts', "import { routes } from '../../functions/routes';", exists)).toEqual([
      expect.stringContaining("imports '../../functions/routes' (functions/routes/index.ts, layer 5 (functions)): an upward import"),
    ]);
  });

  it('allows its own layer and lower ones, and ignores imports in comments and strings', () => {
    // Prepare
    const source = [
      "import { NotFoundError } from '../errors';",
      "import type { Page } from '../domain/page';",
      "import { places } from '../vault/places';",
      "// import { httpRoute } from '../http/http-route';",
      "/** @example const { handler } = await import('../../functions/records/feedback'); */",
      'const text = "import x from \'../adapters/aws/dynamo-records\'";',
    ].join('\n');

    // Act, Assess
    expect(violationsOf('shared/records/consents.ts', source)).toEqual([]);
  });

  it.each(['@aws-sdk/lib-dynamodb', '@middy/core', 'openai', 'aws-cdk-lib', 'aws-cdk-lib/aws-kms', 'constructs'])(
    'fails the SDK or framework %s in the kernel and the areas, not in adapters',
    (name) => {
      // Prepare
      const source = `import { x } from '${name}';`;

      // Act, Assess
      expect(violationsOf('shared/domain/page.ts', source)).toEqual([expect.stringContaining(`imports the package '${name}'`)]);
      expect(violationsOf('shared/chat/send-message.ts', source)).toEqual([expect.stringContaining('layer 1 (areas)')]);
      expect(violationsOf('shared/adapters/aws/dynamo-records.ts', source)).toEqual([]);
      expect(violationsOf('shared/domain/page.ts', "import { z } from 'zod/mini';\nimport { randomUUID } from 'node:crypto';")).toEqual([]);
    },
  );

  it('keeps the route table on layers 0–2 and itself, though functions/ is layer 5', () => {
    // Act, Assess
    expect(violationsOf('functions/routes/records.ts', "import { ANY_USER } from './access';\nimport { route } from '../../shared/http/route';")).toEqual([]);
    expect(violationsOf('functions/routes/records.ts', "import { composition } from '../../shared/runtime/composition';")).toEqual([
      expect.stringMatching(/^functions\/routes\/records\.ts \(the route table\) imports '\.\.\/\.\.\/shared\/runtime\/composition' .*layer 4 \(runtime\)/),
    ]);
    expect(violationsOf('functions/routes/records.ts', "import { handler } from '../records/feedback';")).toEqual([
      expect.stringContaining('layer 5 (functions)'),
    ]);
    expect(violationsOf('functions/records/feedback.ts', "import { composition } from '../../shared/runtime/composition';")).toEqual([]);
  });

  it('fails a file in an unlisted shared folder, and an import of one', () => {
    // Act, Assess
    expect(violationsOf('shared/billing/invoice.ts', '')).toEqual([expect.stringContaining('unknown shared folder')]);
    expect(violationsOf('functions/records/feedback.ts', "import { x } from '../../shared/billing/invoice';")).toEqual([
      expect.stringContaining('shared/billing/ is an unknown shared folder'),
    ]);
  });

  it('places an import of a file not written yet by its path', () => {
    // Act, Assess
    expect(violationsOf('shared/records/profile.ts', "import { x } from '../http/not-yet';", () => false)).toEqual([
      expect.stringContaining('(shared/http/not-yet.ts, layer 2 (http))'),
    ]);
    expect(violationsOf('shared/records/profile.ts', "import { x } from './not-yet';", () => false)).toEqual([]);
  });
});
