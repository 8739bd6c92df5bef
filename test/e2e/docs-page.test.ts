import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { DOCS_PATH, docsCsp } from '../../local/docs-page';
import { buildDocs } from '../../scripts/build-docs';
import { startLocalProcess, type LocalProcess } from '../helpers/local-process';

/**
 * The API reference (issue 9) in a real browser: `npm start`'s entry point in its own process,
 * Debian's Chromium driven by playwright-core, the page opened at `GET /docs`, and the static
 * build (`npm run docs`) opened from disk. No sleeps: every wait is for a selector or a condition.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const dataDir = mkdtempSync(join(tmpdir(), 'carebow-docs-e2e-'));
const staticDir = mkdtempSync(join(tmpdir(), 'carebow-docs-static-'));
let server: LocalProcess;
let browser: Browser;

interface CspViolation {
  readonly directive: string;
  readonly blockedURI: string;
  readonly sourceFile: string;
}

/** The little of the DOM the in-page functions use (the project compiles without the DOM library). */
interface BrowserGlobals {
  readonly document: {
    querySelectorAll(selector: string): Iterable<{ readonly id: string; querySelector(selector: string): { readonly textContent: string | null } | null }>;
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: { readonly effectiveDirective: string; readonly blockedURI: string; readonly sourceFile: string }) => void,
    ): void;
  };
  reportCspViolation(violation: CspViolation): void;
}

/** What went wrong on a page while it ran, collected from the moment it opens. */
interface PageProblems {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly failedRequests: string[];
  readonly foreignRequests: string[];
  readonly cspViolations: CspViolation[];
}

/**
 * Scalar's bundled zod probes whether `eval` is allowed (`new Function("")` in a try/catch, once
 * at load) to pick its JIT parser; the CSP refuses it, zod uses its interpreter, and the browser
 * reports the refusal. That one expected refusal is the only violation allowed.
 */
const isZodEvalProbe = (violation: CspViolation): boolean =>
  violation.directive === 'script-src' && violation.blockedURI === 'eval' && /(^file$|\/scalar\.js$)/.test(violation.sourceFile);

const openWatched = async (url: string, ownOrigin: string): Promise<{ page: Page; problems: PageProblems }> => {
  const page = await browser.newPage();
  // Under a loaded `npm test` the 3.5 MB bundle can take a while to parse; still well within the test's 60 s.
  page.setDefaultTimeout(40_000);
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [], cspViolations: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('requestfailed', (request) => problems.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`));
  page.on('request', (request) => {
    const target = new URL(request.url());
    if (target.protocol !== 'data:' && target.protocol !== 'blob:' && target.origin !== ownOrigin)
      problems.foreignRequests.push(`${request.method()} ${request.url()}`);
  });
  await page.exposeFunction('reportCspViolation', (violation: CspViolation) => problems.cspViolations.push(violation));
  await page.addInitScript(() => {
    const page = globalThis as unknown as BrowserGlobals;
    page.document.addEventListener('securitypolicyviolation', (event) => {
      page.reportCspViolation({ directive: event.effectiveDirective, blockedURI: event.blockedURI, sourceFile: event.sourceFile });
    });
  });
  await page.goto(url);
  return { page, problems };
};

const expectNoProblems = (problems: PageProblems): void => {
  expect(problems.consoleErrors, 'console errors').toEqual([]);
  expect(problems.pageErrors, 'uncaught page errors').toEqual([]);
  expect(problems.failedRequests, 'failed requests').toEqual([]);
  expect(problems.foreignRequests, 'requests to another origin').toEqual([]);
  expect(
    problems.cspViolations.filter((violation) => !isZodEvalProbe(violation)),
    'CSP violations',
  ).toEqual([]);
};

interface RenderedOperation {
  readonly method: string;
  readonly path: string;
  readonly title: string;
}

const byPathAndMethod = (a: RenderedOperation, b: RenderedOperation): number => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`);

/**
 * Every operation the page renders, once: its section's anchor (the deep link, `…/METHOD/path`,
 * with a `tag/<name>/` segment when the document has tags) and its heading (the summary).
 */
const renderedOperations = async (page: Page): Promise<RenderedOperation[]> => {
  const found = await page.evaluate(() =>
    [...(globalThis as unknown as BrowserGlobals).document.querySelectorAll('section[id]')].flatMap((section) => {
      const match = /\/(GET|POST|PUT|PATCH|DELETE)(\/.*)$/.exec(section.id);
      return match ? [{ method: match[1]!, path: match[2]!, title: section.querySelector('h3')?.textContent?.trim() ?? '' }] : [];
    }),
  );
  // An operation under two tags renders twice; the route table lists it once.
  return [...new Map(found.map((operation) => [JSON.stringify(operation), operation])).values()].sort(byPathAndMethod);
};

const expectedOperations: RenderedOperation[] = Object.values(routes)
  .map((route) => ({ method: route.method, path: route.path, title: route.summary }))
  .sort(byPathAndMethod);

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the API reference test needs a real browser. ` +
        'Install it with `apt-get install -y --no-install-recommends chromium` (.ci/run does this), ' +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  [server, browser] = await Promise.all([startLocalProcess(dataDir), chromium.launch({ executablePath: CHROMIUM, args: ['--disable-dev-shm-usage'] })]);
});

afterAll(async () => {
  await browser?.close();
  if (server?.child.exitCode === null) await server.interrupt();
  rmSync(staticDir, { recursive: true, force: true });
});

describe('GET /docs: the API reference in Chromium', () => {
  let page: Page;
  let problems: PageProblems;

  it('is served by the local runtime only, with a CSP that allows nothing but this origin', async () => {
    expect(Object.values(routes).filter((route) => route.path === DOCS_PATH || route.path.startsWith(`${DOCS_PATH}/`))).toEqual([]);
    const response = await fetch(`${server.url}${DOCS_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(docsCsp());
    expect(docsCsp()).not.toMatch(/https?:|\*|unsafe-eval/);
    const script = await fetch(`${server.url}${DOCS_PATH}/scalar.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await script.text()).slice(0, 400)).toContain('@scalar/api-reference');
    // Everything else is still the API's: JSON errors under the API's own CSP.
    const unknown = await fetch(`${server.url}${DOCS_PATH}/elsewhere.js`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('renders with no console error, no failed request and nothing from another origin', async () => {
    ({ page, problems } = await openWatched(`${server.url}${DOCS_PATH}`, new URL(server.url).origin));
    await page.locator(`section[id$="/GET${routes.health.path}"] h3`).waitFor();
    expectNoProblems(problems);
  });

  it('lists every route of the route table, each under its method, path and summary', async () => {
    await expect.poll(() => renderedOperations(page), { timeout: 20_000 }).toEqual(expectedOperations);
  });

  it('sends GET /api/v1/health from its own "Test Request" client and shows the answer', async () => {
    const healthUrl = `${server.url}${routes.health.path}`;
    await page
      .locator(`section[id$="/GET${routes.health.path}"]`)
      .getByRole('button', { name: /Test Request/ })
      .click();
    const client = page.getByRole('dialog', { name: 'API Client' });
    const sent = page.waitForResponse((response) => response.url() === healthUrl && response.request().method() === 'GET');
    await client.getByRole('button', { name: `Send get request to ${healthUrl}` }).click();
    const answer = await sent;
    expect(answer.status()).toBe(200);
    expect(await answer.json()).toMatchObject({ status: 'ok' });
    const shown = client.getByRole('region', { name: 'Response', exact: true });
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, not the DOM property: the text the reader sees
    await expect.poll(() => shown.innerText(), { timeout: 15_000 }).toMatch(/200 OK[\s\S]*"status":\s*"ok"/);
    expectNoProblems(problems);
  });
});

describe('npm run docs: the static reference', () => {
  // Building the page and parsing its bundle from disk, on a loaded 2-core machine, can take most of a minute
  // (a fresh-clone `npm test` once saw nothing rendered after 20 s): rendered first, as `/docs` above, then compared.
  it('opens from disk with the whole route table and nothing from another origin', { timeout: 120_000 }, async () => {
    await buildDocs({ out: staticDir, from: server.url });
    const { page, problems } = await openWatched(pathToFileURL(join(staticDir, 'index.html')).href, 'null');
    await page.locator(`section[id$="/GET${routes.health.path}"] h3`).waitFor();
    await expect.poll(() => renderedOperations(page), { timeout: 20_000 }).toEqual(expectedOperations);
    expectNoProblems(problems);
  });
});
