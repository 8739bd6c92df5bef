import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * Lints the served OpenAPI document with Spectral: its OpenAPI rules and the OWASP API Security
 * ruleset (`.spectral.yaml`, where each scoped exception carries its reason). Any error fails;
 * warnings are reported, not failed. The document's freshness is checked in route-table.test.ts.
 */

const ROOT = join(import.meta.dirname, '../..');
const SEVERITY = ['error', 'warning', 'information', 'hint'] as const;

interface Finding {
  readonly code: string;
  readonly message: string;
  readonly path: readonly string[];
  readonly severity: 0 | 1 | 2 | 3;
}

const lint = async (): Promise<Finding[]> => {
  const spectral = join(ROOT, 'node_modules/.bin/spectral');
  const args = ['lint', '--format', 'json', '--quiet', '--fail-severity', 'error', '-r', '.spectral.yaml', 'functions/platform/openapi.generated.json'];
  // Spectral exits 1 when it finds errors; the findings are on stdout either way.
  const { stdout } = await promisify(execFile)(spectral, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout?: string; stderr?: string }) => {
      if (error.stdout) return { stdout: error.stdout };
      throw new Error(`spectral did not run: ${error.stderr ?? String(error)}`);
    },
  );
  return JSON.parse(stdout) as Finding[];
};

describe('OpenAPI document: Spectral with the OWASP API Security ruleset', () => {
  it('has no error', async () => {
    // Act
    const findings = await lint();

    // Assess
    const counts = Object.fromEntries(SEVERITY.map((name, severity) => [name, findings.filter((f) => f.severity === severity).length]));
    const byRule = Object.entries(
      Object.groupBy(
        findings.filter((f) => f.severity > 0),
        (f) => `${SEVERITY[f.severity]} ${f.code}`,
      ),
    ).map(([rule, list]) => `${rule} ×${list!.length}`);
    console.log(`spectral: ${counts.error} errors, ${counts.warning} warnings (${byRule.join(', ')})`);
    const errors = findings.filter((f) => f.severity === 0).map((f) => `${f.code} at ${f.path.join('.')}: ${f.message}`);
    expect(errors).toEqual([]);
  });
});
