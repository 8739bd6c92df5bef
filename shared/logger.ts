import { traceHeader } from './observability/trace-header';

/**
 * The only fields a log line may carry: ids, codes and measurements, never PHI, tokens or
 * request bodies. The type makes a new key a reviewed change; `safeFields` drops anything else
 * at run time as well (a cast cannot smuggle a body into the log).
 */
export interface SafeLogFields {
  requestId?: string;
  route?: string;
  method?: string;
  status?: number;
  latencyMs?: number;
  userId?: string;
  subjectId?: string;
  action?: string;
  outcome?: string;
  errorName?: string;
  errorCode?: string;
  /** Stack frames only: the first line of a stack repeats the message, which may quote input. */
  errorFrames?: string;
  dependency?: string;
  configVariable?: string;
}

const ALLOWED = new Set<string>([
  'requestId',
  'route',
  'method',
  'status',
  'latencyMs',
  'userId',
  'subjectId',
  'action',
  'outcome',
  'errorName',
  'errorCode',
  'errorFrames',
  'dependency',
  'configVariable',
]);

const safeFields = (fields: SafeLogFields): Record<string, unknown> => Object.fromEntries(Object.entries(fields).filter(([key]) => ALLOWED.has(key)));

const LEVELS = { TRACE: 6, DEBUG: 10, INFO: 12, WARN: 16, ERROR: 20, CRITICAL: 24, SILENT: 28 } as const;
type Level = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
const SERVICE = process.env.POWERTOOLS_SERVICE_NAME ?? 'carebow';
const configured = (process.env.POWERTOOLS_LOG_LEVEL ?? process.env.AWS_LAMBDA_LOG_LEVEL ?? 'INFO').toUpperCase();
const THRESHOLD: number = LEVELS[configured as keyof typeof LEVELS] ?? LEVELS.INFO;

/**
 * One JSON line in Powertools Logger's shape (`level`, `message`, `timestamp`, `service`, `xray_trace_id`, then the
 * fields), written by hand: Powertools Logger and its commons cost every route about 21 KB of its 100 KB budget
 * (ADR 0017). Straight to the stream, not through `console`, which Lambda would prefix; warnings and errors on stderr,
 * as Powertools writes them. `POWERTOOLS_LOG_LEVEL` (else Lambda's `AWS_LAMBDA_LOG_LEVEL`) sets the threshold.
 */
const write = (level: Level, message: string, fields: SafeLogFields): void => {
  if (LEVELS[level] < THRESHOLD) return;
  const line = JSON.stringify({
    level,
    message,
    timestamp: new Date().toISOString(),
    service: SERVICE,
    xray_trace_id: traceHeader()?.root,
    ...safeFields(fields),
  });
  (LEVELS[level] >= LEVELS.WARN ? process.stderr : process.stdout).write(`${line}\n`);
};

/** Frames of an error's stack without its message line. */
export const stackFrames = (error: unknown): string | undefined =>
  error instanceof Error && error.stack
    ? error.stack
        .split('\n')
        .filter((line) => line.trimStart().startsWith('at '))
        .slice(0, 8)
        .join('\n')
    : undefined;

/**
 * CareBow's structured, PHI-free logger (JSON lines in Powertools Logger's shape).
 *
 * @example
 * log.info('request completed', { requestId, route: 'login', status: 200, latencyMs: 12 });
 */
export const log = {
  debug: (message: string, fields: SafeLogFields = {}): void => write('DEBUG', message, fields),
  info: (message: string, fields: SafeLogFields = {}): void => write('INFO', message, fields),
  warn: (message: string, fields: SafeLogFields = {}): void => write('WARN', message, fields),
  error: (message: string, fields: SafeLogFields = {}): void => write('ERROR', message, fields),
};
