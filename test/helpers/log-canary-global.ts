import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CAPTURE_DIR, FORBIDDEN_IN_LOGS } from './canaries';

/** Starts every run with an empty capture folder. */
export const setup = (): void => {
  rmSync(CAPTURE_DIR, { recursive: true, force: true });
};

/**
 * After the whole suite: fails the run if any captured output holds a canary, a token or an
 * Authorization header (docs/security.md #14). Names the file and the kind of leak, never the value.
 */
export const teardown = (): void => {
  let files: string[] = [];
  try {
    files = readdirSync(CAPTURE_DIR);
  } catch {
    return;
  }
  const leaks: string[] = [];
  let bytes = 0;
  for (const file of files) {
    const text = readFileSync(join(CAPTURE_DIR, file), 'utf8');
    bytes += text.length;
    for (const { name, pattern } of FORBIDDEN_IN_LOGS) if (pattern.test(text)) leaks.push(`${name} in ${file}`);
  }
  if (leaks.length > 0) throw new Error(`Captured output leaks secrets or PHI:\n- ${leaks.join('\n- ')}`);
  console.log(`log canary check: ${files.length} capture files, ${bytes} bytes, no canary PHI, token or password`);
};
