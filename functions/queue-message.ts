import type { SQSRecord } from 'aws-lambda';
import * as z from '../shared/zod';

/**
 * A queue message a worker cannot read: it fails alone (partial batch response), is retried to the
 * queue's `maxReceiveCount`, then lands in the DLQ, which alarms. Its body is never logged.
 */
export class PoisonMessageError extends Error {
  public constructor(what: string) {
    super(`Not a ${what} message`);
    this.name = 'PoisonMessageError';
  }
}

/** A record's JSON body, or `PoisonMessageError` when it is not JSON. */
export const jsonBody = (record: SQSRecord, what: string): unknown => {
  try {
    return JSON.parse(record.body);
  } catch {
    throw new PoisonMessageError(what);
  }
};

/**
 * A record's body as `schema` reads it, or `PoisonMessageError`.
 *
 * @example
 * const message = queueMessage(record, TriageMessage, 'triage');
 */
export const queueMessage = <S extends z.ZodMiniType>(record: SQSRecord, schema: S, what: string): z.infer<S> => {
  const parsed = z.safeParse(schema, jsonBody(record, what));
  if (!parsed.success) throw new PoisonMessageError(what);
  return parsed.data;
};
