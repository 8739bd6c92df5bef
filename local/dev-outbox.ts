import type { IncomingMessage, ServerResponse } from 'node:http';
import { readOutbox } from '../shared/adapters/local/outbox-channel';
import { SECURITY_HEADERS } from '../shared/http/security-headers';

/**
 * `GET /api/v1/dev/outbox?limit=N`: the latest N messages the local notifications worker "sent"
 * (the outbox, `$CAREBOW_DATA_DIR/outbox/*.jsonl`), newest first, as `{ items }`, so a frontend
 * developer sees what would have gone out. Local stage only: it is no route of the route table, so
 * the CDK app never has it (like `/docs`), and the local server listens on loopback only.
 */
export const DEV_OUTBOX_PATH = '/api/v1/dev/outbox';
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

/** Serves the outbox; `false` for any other request, which the API server then handles as before. */
export const serveDevOutbox = async (request: IncomingMessage, response: ServerResponse, url: URL, dataDir: string): Promise<boolean> => {
  if (url.pathname !== DEV_OUTBOX_PATH) return false;
  const headers = { ...SECURITY_HEADERS, 'Content-Type': 'application/json' };
  const raw = url.searchParams.get('limit');
  const limit = raw === null ? DEFAULT_LIMIT : Number(raw);
  if (request.method !== 'GET' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    response.writeHead(request.method !== 'GET' ? 405 : 400, headers);
    response.end(JSON.stringify({ error: { code: 'invalid_request', message: `GET with ?limit= from 1 to ${MAX_LIMIT}.` } }));
    return true;
  }
  response.writeHead(200, headers);
  response.end(JSON.stringify({ items: await readOutbox(dataDir, limit) }));
  return true;
};
