import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CANARY } from '../helpers/canaries';

/** What the logger wrote to each stream during a test. */
let out: { stdout: string[]; stderr: string[] };
beforeEach(() => {
  out = { stdout: [], stderr: [] };
  for (const name of ['stdout', 'stderr'] as const) {
    const stream = process[name];
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      out[name].push(String(chunk));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** The logger as a fresh cold start reads it (its level and service come from the environment at load). */
const freshLog = async () => {
  vi.resetModules();
  return (await import('../../shared/logger')).log;
};

describe('Object: log (the lean JSON logger)', () => {
  it("writes one JSON line in Powertools' shape, with the trace id, only the allowed fields, to stdout", async () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'carebow');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
    vi.stubEnv('_X_AMZN_TRACE_ID', 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1');
    const log = await freshLog();

    // Act
    log.info('request completed', { requestId: 'req-1', route: 'login', status: 200, ...({ body: CANARY.name } as object) });

    // Assess
    expect(out.stdout).toHaveLength(1);
    expect(out.stdout[0]!.endsWith('}\n')).toBe(true);
    expect(JSON.parse(out.stdout[0]!)).toEqual({
      level: 'INFO',
      message: 'request completed',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      service: 'carebow',
      xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793',
      requestId: 'req-1',
      route: 'login',
      status: 200,
    });
  });

  it('writes warnings and errors to stderr, and drops what is below POWERTOOLS_LOG_LEVEL', async () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'WARN');
    const log = await freshLog();

    // Act
    log.debug('debug line');
    log.info('info line');
    log.warn('warn line', { errorName: 'X' });
    log.error('error line');

    // Assess
    expect(out.stdout.filter((line) => line.includes('line'))).toEqual([]);
    expect(out.stderr.map((line) => JSON.parse(line).level)).toEqual(['WARN', 'ERROR']);
  });
});
