import type { APIGatewayProxyEvent } from 'aws-lambda';
import * as z from '../zod';
import type { Schema } from '../zod';
import { ValidationError } from '../errors';
import type { RouteDef } from './route';

/**
 * Turns zod issues into caller-facing details: where and what, never the offending value
 * (it may be a password or PHI).
 */
const issuesOf = (error: { issues: readonly { path: PropertyKey[]; message: string }[] }): { path: string; message: string }[] =>
  error.issues.slice(0, 20).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

const validate = (schema: Schema | undefined, input: unknown, where: string): unknown => {
  if (schema === undefined) {
    const empty = input === undefined || (typeof input === 'object' && input !== null && Object.keys(input).length === 0);
    if (!empty) throw new ValidationError(`This route takes no ${where}.`, undefined, `unexpected_${where}`);
    return undefined;
  }
  const result = z.safeParse(schema, input ?? {});
  if (!result.success) throw new ValidationError(`The ${where} is invalid.`, issuesOf(result.error), `invalid_${where}`);
  return result.data;
};

const header = (event: APIGatewayProxyEvent, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === wanted) return value ?? undefined;
  return undefined;
};

const readJsonBody = (route: RouteDef, event: APIGatewayProxyEvent): unknown => {
  if (event.body === null || event.body === undefined || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw, 'utf8') > route.maxBodyBytes) {
    throw new ValidationError(`The body is larger than ${route.maxBodyBytes} bytes.`, undefined, 'body_too_large');
  }
  if (route.body === undefined) throw new ValidationError('This route takes no body.', undefined, 'unexpected_body');
  const contentType = header(event, 'content-type') ?? '';
  if (!/^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(contentType.trim())) {
    throw new ValidationError('Send the body as application/json.', undefined, 'unsupported_content_type');
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new ValidationError('The body is not valid JSON.', undefined, 'malformed_json');
  }
};

/** Parsed and validated parts of a request, per the route's schemas. */
export const parseRequest = (route: RouteDef, event: APIGatewayProxyEvent): { body: unknown; query: unknown; params: unknown } => {
  const body = readJsonBody(route, event);
  if (route.body !== undefined && body === undefined) throw new ValidationError('A JSON body is required.', undefined, 'missing_body');
  return {
    body: validate(route.body, body, 'body'),
    query: validate(route.query, event.queryStringParameters ?? undefined, 'query'),
    params: validate(route.params, event.pathParameters ?? undefined, 'params'),
  };
};

/** Request headers with lower-cased names. */
export const normalizedHeaders = (event: APIGatewayProxyEvent): Record<string, string> =>
  Object.fromEntries(
    Object.entries(event.headers ?? {})
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([key, value]) => [key.toLowerCase(), value]),
  );
