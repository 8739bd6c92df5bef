/**
 * What the audit tamper tests (unit and integration) edit: every attribute the writer stores on an
 * audit item, written out here rather than derived from the code under test, so a change to what is
 * stored fails them.
 */
export const STORED_ATTRIBUTES = [
  'action',
  'actor',
  'actorId',
  'anchorWindow',
  'at',
  'hash',
  'outcome',
  'pk',
  'prevHash',
  'reason',
  'requestId',
  'resource',
  'seq',
  'sk',
  'sourceIp',
  'subjectId',
];

/**
 * What a record of a lane other than 0 stores besides (ADR 0019): its `lane`, a hashed field that lane-0 records
 * (every record appended before lanes) leave out.
 */
export const LANE_ATTRIBUTES = [...STORED_ATTRIBUTES, 'lane'].sort();

/**
 * Attributes a record may lack: `anchorWindow` came with anchoring (ADR 0014), and records appended before it
 * cannot gain it (the table is append-only). Absent passes the verifier; a wrong value does not.
 */
export const OPTIONAL_ATTRIBUTES = ['anchorWindow'];
/** The stored attributes whose removal the verifier finds. */
export const REQUIRED_ATTRIBUTES = STORED_ATTRIBUTES.filter((attribute) => !OPTIONAL_ATTRIBUTES.includes(attribute));

/** The table keys among them: an edit of one moves the item rather than changing it in place. */
export const KEY_ATTRIBUTES = ['pk', 'sk'];

/** Another value of the same kind: a string or number changed, an array reordered, an object's first field changed. */
export const altered = (value: unknown): unknown => {
  if (typeof value === 'string') return `${value}x`;
  if (typeof value === 'number') return value + 1;
  if (Array.isArray(value)) return value.length > 1 ? [...value].reverse() : [...value, 'x'];
  if (value !== null && typeof value === 'object') {
    const [first] = Object.keys(value).sort();
    return { ...value, [first!]: altered((value as Record<string, unknown>)[first!]) };
  }
  throw new Error(`no alteration for ${String(value)}`);
};
