import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { platformRoutes } from '../functions/routes/platform';
import { SECURITY_HEADERS } from '../shared/http/security-headers';

/**
 * The browsable API reference: Scalar (`@scalar/api-reference`'s standalone browser bundle, served
 * from node_modules, never a CDN) pointed at the API's own OpenAPI document. Local runtime and the
 * static build (`npm run docs`) only: it is no route of the route table, so it never reaches the
 * CDK API, whose responses all carry a CSP of `default-src 'none'`.
 */

/** Where the local server serves the page and its two scripts. */
export const DOCS_PATH = '/docs';
export const OPENAPI_PATH = platformRoutes.openapi.path;

/**
 * The bundle Scalar publishes for plain `<script>` use (its package export `./browser/standalone.js`).
 * Resolved on first use, so a missing dev dependency fails the page, not the server's start.
 */
export const scalarBundlePath = (): string => createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js');

/** The Scalar version, from the package beside the bundle (its exports hide `package.json`). */
export const scalarVersion = (): string =>
  (JSON.parse(readFileSync(join(dirname(scalarBundlePath()), '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The page's CSP: only this origin, and only what Scalar needs to run.
 * - `script-src 'self'`: the bundle and the init script are files from this origin; no inline
 *   script, no eval. (Scalar's bundled zod probes `new Function("")` once at load inside a
 *   try/catch; the refusal is reported as a violation, and zod falls back to its non-JIT parser.)
 * - `style-src 'self' 'unsafe-inline'`: the bundle injects its whole stylesheet as a `<style>`
 *   element at load, and its components (Vue, CodeMirror, Headless UI) render dozens of `style`
 *   attributes whose values change as the page runs (line counts, positions), so no list of
 *   hashes can cover them; without it the page renders unstyled with ~50 violations. Styles
 *   cannot run script.
 * - `img-src 'self' data:`: Scalar's stylesheet draws icons (checkmarks, select arrows) as
 *   `data:` SVGs, and the page's empty `data:` icon spares a favicon request that would 404.
 * - `connect-src 'self'` (plus the origins of any servers the static build is told about): the
 *   OpenAPI document and the "try it" requests. Nothing else: no `fonts.scalar.com`
 *   (`withDefaultFonts: false`), no Scalar proxy (`proxyUrl` unset), no telemetry.
 * - nothing may frame it, post forms or rebase its URLs (`frame-ancestors` only as a header:
 *   browsers ignore it, with a console error, in a `<meta>` policy).
 */
export const docsCsp = (options: { readonly connectOrigins?: readonly string[]; readonly meta?: boolean } = {}): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src ${["'self'", ...(options.connectOrigins ?? [])].join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    ...(options.meta ? [] : ["frame-ancestors 'none'"]),
  ].join('; ');

export interface DocsPageOptions {
  /** Where the page finds `scalar.js` and `init.js`: `/docs/` on the server, `./` in the static build. */
  readonly assetBase: string;
  /** The OpenAPI document's URL, as Scalar should fetch it. */
  readonly openapiUrl: string;
  /** Extra scripts loaded before `init.js` (the static build's embedded document). */
  readonly extraScripts?: readonly string[];
  /** A `<meta>` CSP for static hosting, where no server sets the header. */
  readonly metaCsp?: string;
}

const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The page: an empty mount point and two same-origin scripts; no inline script or style. */
export const docsHtml = (options: DocsPageOptions): string => {
  const scripts = [...(options.extraScripts ?? []), 'scalar.js', 'init.js'].map(
    (name) => `    <script src="${escapeAttribute(options.assetBase + name)}"></script>`,
  );
  return [
    '<!doctype html>',
    '<html lang="en">',
    '  <head>',
    '    <meta charset="utf-8">',
    ...(options.metaCsp ? [`    <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(options.metaCsp)}">`] : []),
    '    <meta name="viewport" content="width=device-width, initial-scale=1">',
    '    <meta name="referrer" content="no-referrer">',
    // No favicon request (a 404 would be a console error); `data:` icons are not fetched from anywhere.
    '    <link rel="icon" href="data:,">',
    '    <title>CareBow API reference</title>',
    '  </head>',
    '  <body>',
    `    <div id="api-reference-app" data-openapi-url="${escapeAttribute(options.openapiUrl)}"></div>`,
    ...scripts,
    '  </body>',
    '</html>',
    '',
  ].join('\n');
};

/**
 * Starts Scalar. A file, not inline, so the CSP needs no `'unsafe-inline'` script. It reads the
 * document's URL from the mount point, or takes the document itself when the static build embedded
 * it (`window.CAREBOW_OPENAPI`, so the folder also works opened from disk, where fetch is refused).
 * Everything that would reach a third party is off: Scalar's fonts, telemetry, agent, and the
 * "Open API Client" button (client.scalar.com); "Test Request" stays, sending from this page.
 */
export const DOCS_INIT_JS = `'use strict';
(function () {
  var mount = document.getElementById('api-reference-app');
  var configuration = {
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    hideClientButton: true,
    showDeveloperTools: 'never',
    defaultOpenAllTags: true,
    documentDownloadType: 'json',
    metaData: { title: 'CareBow API reference' }
  };
  if (window.CAREBOW_OPENAPI) configuration.content = window.CAREBOW_OPENAPI;
  else configuration.url = mount.getAttribute('data-openapi-url');
  window.Scalar.createApiReference(mount, configuration);
})();
`;

let bundle: Buffer | undefined;
/** The Scalar bundle (3.5 MB), read on first request. */
export const scalarBundle = (): Buffer => (bundle ??= readFileSync(scalarBundlePath()));

const send = (response: ServerResponse, contentType: string, body: string | Buffer): void => {
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': docsCsp(),
    'Content-Type': contentType,
    'Content-Length': String(Buffer.byteLength(body)),
  });
  response.end(body);
};

/**
 * Serves `GET /docs` (and `/docs/`), `/docs/scalar.js` and `/docs/init.js`; returns `false` for
 * any other request, which the API server then handles as before.
 */
export const serveDocs = (request: IncomingMessage, response: ServerResponse, pathname: string): boolean => {
  if (request.method !== 'GET') return false;
  if (pathname === DOCS_PATH || pathname === `${DOCS_PATH}/`) {
    send(response, 'text/html; charset=utf-8', docsHtml({ assetBase: `${DOCS_PATH}/`, openapiUrl: OPENAPI_PATH }));
    return true;
  }
  if (pathname === `${DOCS_PATH}/scalar.js`) {
    send(response, 'text/javascript; charset=utf-8', scalarBundle());
    return true;
  }
  if (pathname === `${DOCS_PATH}/init.js`) {
    send(response, 'text/javascript; charset=utf-8', DOCS_INIT_JS);
    return true;
  }
  return false;
};
