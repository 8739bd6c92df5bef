/**
 * `npm run docs`: the API reference as a self-contained static folder (default `dist/docs/`,
 * git-ignored) that can be opened from disk or hosted anywhere: `index.html`, Scalar's bundle
 * (`scalar.js`, from node_modules), `init.js`, the OpenAPI document (`openapi.json`) and the same
 * document as a script (`openapi.js`, which the page reads, since browsers refuse `fetch` from a
 * `file:` page). No CDN, no third-party origin: the page carries the same CSP as `GET /docs`.
 *
 * The document is read over HTTP, exactly as clients get it: from a local backend started here
 * in memory, or from a running API with `--from`.
 *
 *   npm run docs
 *   npm run docs -- --out /tmp/reference
 *   npm run docs -- --from https://abc123.execute-api.eu-west-1.amazonaws.com/prod \
 *                   --server https://abc123.execute-api.eu-west-1.amazonaws.com/prod
 *
 * `--server <url>` (repeatable) adds the API's address to the document's `servers` (where
 * "Test Request" sends, and then the only origins the page may connect to besides its own);
 * without it, requests go to the origin that hosts the page. The API's CORS must allow the
 * page's origin (`CORS_ALLOWED_ORIGINS`).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DOCS_INIT_JS, OPENAPI_PATH, docsCsp, docsHtml, scalarBundlePath, scalarVersion } from '../local/docs-page';
import { startLocalBackend } from '../local/backend';

const ROOT = join(import.meta.dirname, '..');

const readDocument = async (base: string): Promise<Record<string, unknown>> => {
  const url = `${base.replace(/\/+$/, '')}${OPENAPI_PATH}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
};

/** The document from a local backend in memory (keys in a throw-away folder), stopped at once. */
const readLocalDocument = async (): Promise<Record<string, unknown>> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'carebow-docs-'));
  const backend = await startLocalBackend({ port: 0, dataDir, persist: false, worker: false, env: { POWERTOOLS_LOG_LEVEL: 'WARN' } });
  try {
    return await readDocument(backend.url.replace('localhost', '127.0.0.1'));
  } finally {
    await backend.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

/** Writes the static reference into `out`; only its own files, nothing else there is touched. */
export const buildDocs = async (options: { readonly out: string; readonly from?: string; readonly servers?: readonly string[] }): Promise<string[]> => {
  const servers = (options.servers ?? []).map((url) => new URL(url));
  const document = options.from === undefined ? await readLocalDocument() : await readDocument(options.from);
  if (servers.length > 0) document.servers = servers.map((url) => ({ url: url.href.replace(/\/$/, '') }));

  const out = resolve(options.out);
  mkdirSync(out, { recursive: true });
  const html = docsHtml({
    assetBase: './',
    openapiUrl: './openapi.json',
    extraScripts: ['openapi.js'],
    metaCsp: docsCsp({ connectOrigins: [...new Set(servers.map((url) => url.origin))], meta: true }),
  });
  const json = JSON.stringify(document, null, 2);
  writeFileSync(join(out, 'index.html'), html);
  writeFileSync(join(out, 'init.js'), DOCS_INIT_JS);
  writeFileSync(join(out, 'openapi.json'), `${json}\n`);
  writeFileSync(join(out, 'openapi.js'), `window.CAREBOW_OPENAPI = ${json};\n`);
  copyFileSync(scalarBundlePath(), join(out, 'scalar.js'));
  return ['index.html', 'scalar.js', 'init.js', 'openapi.json', 'openapi.js'].map((name) => join(out, name));
};

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: join(ROOT, 'dist', 'docs') },
      from: { type: 'string' },
      server: { type: 'string', multiple: true, default: [] },
    },
  });
  buildDocs({ out: values.out, ...(values.from === undefined ? {} : { from: values.from }), servers: values.server }).then(
    (files) => {
      const folder = relative(process.cwd(), resolve(values.out)) || '.';
      console.log(`API reference (Scalar ${scalarVersion()}) written to ${folder}/: ${files.map((file) => basename(file)).join(', ')}`);
      console.log(`Open ${join(folder, 'index.html')} in a browser, or host the folder as it is.`);
    },
    (error: Error) => {
      console.error(`npm run docs failed: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
