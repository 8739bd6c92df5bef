import { Logger } from '@aws-lambda-powertools/logger';

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

const powertools = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'carebow' });

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
 * CareBow's structured, PHI-free logger (Powertools JSON lines).
 *
 * @example
 * log.info('request completed', { requestId, route: 'login', status: 200, latencyMs: 12 });
 */
export const log = {
  debug: (message: string, fields: SafeLogFields = {}): void => powertools.debug(message, safeFields(fields)),
  info: (message: string, fields: SafeLogFields = {}): void => powertools.info(message, safeFields(fields)),
  warn: (message: string, fields: SafeLogFields = {}): void => powertools.warn(message, safeFields(fields)),
  error: (message: string, fields: SafeLogFields = {}): void => powertools.error(message, safeFields(fields)),
};
