/** The grants column of the route table: what a route's function may touch, as reusable presets. */

/** Opening and sealing a user's PHI: their wrapped data key, unwrapped by KMS. */
export const OPEN_PHI = { tables: { keys: 'read' }, dataKeys: 'decrypt' } as const;

/**
 * Symptom sessions write sealed PHI and queue work for the triage worker. Written out, not spread from
 * `OPEN_PHI`: a spread keeps the constant in every bundle that imports this file, used or not. Route
 * lines write their grants out too: a spread in a line keeps that line, and its schemas, in every
 * bundle of its area (`route` in shared/http/route.ts).
 */
export const SESSION_WRITE = { tables: { keys: 'read', records: 'readWrite' }, dataKeys: 'decrypt', triageQueue: 'send' } as const;

/** Chats write sealed PHI and queue the model's reply for the chat worker (never the triage queue); written out, as above. */
export const CHAT_WRITE = { tables: { keys: 'read', records: 'readWrite' }, dataKeys: 'decrypt', chatQueue: 'send' } as const;

/** Reading or writing sealed records (profiles, feedback, sessions, conversations, quota buckets). */
export const RECORDS_READ = { ...OPEN_PHI, tables: { ...OPEN_PHI.tables, records: 'read' } } as const;
export const RECORDS_WRITE = { ...OPEN_PHI, tables: { ...OPEN_PHI.tables, records: 'readWrite' } } as const;
/** Reading another patient's sealed records under their consent: the caller's own account too, for its standing. Written out, as above. */
export const GRANTEE_READ = { tables: { keys: 'read', records: 'read', identity: 'read' }, dataKeys: 'decrypt' } as const;
