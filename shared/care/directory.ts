import { actorOf, requestFacts } from '../audit/actor';
import type { DirectoryPage, PractitionerSearchQuery } from '../contracts/care-directory';
import { DEFAULT_DIRECTORY_PAGE, DEFAULT_SEARCH_RADIUS_KM } from '../contracts/care-bounds';
import type { Caller, RequestMeta } from '../domain/caller';
import { ValidationError } from '../errors';
import { directoryPoint } from './directory-position';
import { planCells } from './directory-cells';
import { distanceKm, type LatLon } from './geohash';
import type { AccountBatch, CareDeps, DirectoryEntry, DirectoryFilter, PractitionerDirectory, PractitionerRecord, RatingRepository } from './ports';
import { publicView } from './practitioners';
import { hasValidCredential, localToday, standingOf } from './standing';

/**
 * The practitioner directory (`GET /api/v1/practitioners`): verified practitioners of one kind,
 * filtered, nearest first around `near`, paged behind an opaque cursor. Always Queries on the
 * directory index, never a scan.
 *
 * Where an entry sits: a verified profile's directory position is `<geohash>#<id>` in its kind's
 * partition. A provider's geohash has 9 characters (~5 m: they practise there, and the public view
 * shows the point anyway). A caregiver's has 5 (~5 km): their home is private (the public view
 * shows the city), and the radius filter, the order and the distance all use the centre of that
 * cell, so no sequence of searches can place a caregiver more closely than the cell.
 *
 * A `near` search queries each cell covering the circle (`cellsCovering`, cut to the kind's
 * precision: ≤ 9 Queries for any circle the query allows away from the poles, usually 1–4), keeps
 * the entries within the radius by exact distance, and orders them by (distance, id). The cursor
 * carries the last (distance, id) returned, so each page re-reads the circle (at most
 * `MAX_NEAR_READ` index items, else 400 `search_too_broad`) and every match is returned exactly
 * once while the directory holds still. Without `near`, one kind's partition is read in position
 * order (geohash, then id: deterministic, and nearby practitioners together), the cursor carrying
 * the last position examined.
 *
 * A practitioner is shown only while their account is active and holds the profile's role, as in
 * `getPractitioner`, and while one of their credentials is valid today (./standing.ts); those are
 * checked on the entries the index returned (the page's accounts in one batch read), so a page may
 * hold fewer than `limit` items and still carry a cursor. One audit event per search, to the caller's chain (a directory page is public
 * views, not PHI, and names no single subject).
 */

type Deps = Pick<CareDeps, 'audit' | 'clock'> & {
  readonly directory: PractitionerDirectory;
  readonly accounts: AccountBatch;
  readonly ratings: Pick<RatingRepository, 'getMany'>;
};

export { DIRECTORY_PRECISION, directoryPoint, directoryPosition } from './directory-position';
export { planCells } from './directory-cells';

/** The most index items one `near` page reads, over all its cells. */
export const MAX_NEAR_READ = 1000;
/** The most index items one page without `near` reads (its filters may leave a page short; the cursor goes on). */
export const MAX_LIST_READ = 300;

/** `a` before `b` in the nearest-first order: distance, then id. */
const byDistance = (a: { distance: number; id: string }, b: { distance: number; id: string }): number =>
  a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A directory position: a geohash, then a user id (a UUID). */
const POSITION = /^[0-9b-hjkmnp-z]{1,9}#[0-9a-f-]{36}$/;

interface ListCursor {
  readonly v: 1;
  readonly f: string;
  readonly a: string;
}
interface NearCursor {
  readonly v: 1;
  readonly f: string;
  readonly d: number;
  readonly i: string;
}

/** A short fingerprint of the search (FNV-1a, 32 bits): a cursor is only accepted by the search that made it. */
export const fingerprint = (search: object): string => {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(search)) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
};

const encodeCursor = (cursor: ListCursor | NearCursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

const tooBroad = () => new ValidationError('Too many practitioners match: narrow the radius or add a filter.', undefined, 'search_too_broad');

const invalidCursor = () => new ValidationError('The cursor is invalid.', undefined, 'invalid_cursor');

/** The cursor's state, if it was made by the search of fingerprint `f` in the same mode; else `invalid_cursor`. */
export const decodeCursor = <M extends 'list' | 'near'>(cursor: string, f: string, mode: M): M extends 'list' ? ListCursor : NearCursor => {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const c = value as Partial<ListCursor & NearCursor> | null;
  const ok =
    typeof c === 'object' &&
    c !== null &&
    c.v === 1 &&
    c.f === f &&
    (mode === 'list'
      ? typeof c.a === 'string' && POSITION.test(c.a)
      : typeof c.d === 'number' && Number.isFinite(c.d) && c.d >= 0 && typeof c.i === 'string' && c.i.length <= 64);
  if (!ok) throw invalidCursor();
  return c as M extends 'list' ? ListCursor : NearCursor;
};

/** The filter and circle a query asks for, normalised (what the cursor's fingerprint covers). */
export const searchOf = (query: PractitionerSearchQuery) => {
  const filter: DirectoryFilter = {
    kind: query.kind,
    ...(query.specialty ? { specialty: query.specialty } : {}),
    ...(query.skill ? { skill: query.skill } : {}),
    ...(query.language ? { language: query.language } : {}),
    ...(query.telehealth ? { telehealth: query.telehealth === 'true' } : {}),
  };
  const [lat, lon] = query.near === undefined ? [] : query.near.split(',').map(Number);
  const near = lat === undefined || lon === undefined ? undefined : { lat, lon, radiusKm: query.radiusKm ?? DEFAULT_SEARCH_RADIUS_KM };
  return { filter, near };
};

/**
 * The page of `candidates` (already in order, after the cursor): the ones the directory may show now
 * (./standing.ts) among the first `limit`: verified, a credential valid today on their own calendar
 * (checked before any account is read), and the account active and still holding the kind's role.
 * Their accounts are read in one batch. Filtered after the index query, so a page may be short and
 * still have a cursor.
 */
const pageOf = async (deps: Pick<Deps, 'accounts' | 'clock'>, candidates: readonly PractitionerRecord[], limit: number) => {
  const examined = candidates.slice(0, limit);
  const credited = examined.filter((record) => record.verified && hasValidCredential(record.credentials, localToday(record.timeZone, deps.clock.now())));
  const accounts = await deps.accounts.getMany(credited.map((record) => record.userId));
  return { examined, shown: credited.filter((record) => standingOf(record, accounts.get(record.userId)) === undefined) };
};

const roundKm = (km: number): number => Math.round(km * 10) / 10;

/** Nearest first within the circle: every covering cell read whole (bounded), then sorted by exact distance. */
const searchNear = async (
  deps: Deps,
  filter: DirectoryFilter,
  near: LatLon & { radiusKm: number },
  f: string,
  limit: number,
  cursor: string | undefined,
): Promise<DirectoryPage> => {
  const after = cursor === undefined ? undefined : decodeCursor(cursor, f, 'near');
  const entries: DirectoryEntry[] = [];
  for (const cell of planCells(filter.kind, near, near.radiusKm)) {
    const budget = MAX_NEAR_READ - entries.length;
    if (budget <= 0) throw tooBroad();
    const found = await deps.directory.find(filter, cell, { limit: budget, maxRead: budget });
    if (found.resume !== undefined) throw tooBroad();
    entries.push(...found.entries);
  }
  const ranked = entries
    .map(({ record }) => ({ record, id: record.userId, distance: distanceKm(near, directoryPoint(record)) }))
    .filter((c) => c.distance <= near.radiusKm && (after === undefined || byDistance(c, { distance: after.d, id: after.i }) > 0))
    .sort(byDistance);
  const { examined, shown } = await pageOf(
    deps,
    ranked.map((c) => c.record),
    limit,
  );
  const distances = new Map(ranked.map((c) => [c.id, c.distance]));
  const last = ranked[examined.length - 1];
  const ratings = await deps.ratings.getMany(shown.map((record) => record.userId));
  return {
    items: shown.map((record) => ({ ...publicView(record, ratings.get(record.userId)), distanceKm: roundKm(distances.get(record.userId)!) })),
    ...(ranked.length > examined.length && last ? { nextCursor: encodeCursor({ v: 1, f, d: last.distance, i: last.id }) } : {}),
  };
};

/** One kind's partition in position order, from the cursor on. */
const searchAll = async (deps: Deps, filter: DirectoryFilter, f: string, limit: number, cursor: string | undefined): Promise<DirectoryPage> => {
  const after = cursor === undefined ? undefined : decodeCursor(cursor, f, 'list').a;
  const found = await deps.directory.find(filter, '', { ...(after === undefined ? {} : { after }), limit, maxRead: MAX_LIST_READ });
  const { shown } = await pageOf(
    deps,
    found.entries.map((e) => e.record),
    limit,
  );
  const ratings = await deps.ratings.getMany(shown.map((record) => record.userId));
  return {
    items: shown.map((record) => publicView(record, ratings.get(record.userId))),
    ...(found.resume === undefined ? {} : { nextCursor: encodeCursor({ v: 1, f, a: found.resume }) }),
  };
};

/**
 * Searches the directory for any signed-in user: verified practitioners of `query.kind` that match
 * its filters, each in the public view (no credentials; a caregiver's city only), nearest first
 * with `distanceKm` when `near` is given. One audit event, success or not.
 */
export const searchPractitioners = async (deps: Deps, caller: Caller, query: PractitionerSearchQuery, meta: RequestMeta): Promise<DirectoryPage> => {
  const { filter, near } = searchOf(query);
  const f = fingerprint({ filter, near });
  const limit = query.limit ?? DEFAULT_DIRECTORY_PAGE;
  let result: DirectoryPage | undefined;
  let failure: unknown;
  try {
    result = near ? await searchNear(deps, filter, near, f, limit, query.cursor) : await searchAll(deps, filter, f, limit, query.cursor);
  } catch (error) {
    failure = error;
  }
  await deps.audit.append({
    action: 'practitioner.search',
    outcome: result ? 'success' : 'failure',
    subjectId: caller.userId,
    actor: actorOf(caller),
    resource: { type: 'practitioner' },
    ...requestFacts(meta),
    reason: result ? `public_view,${filter.kind},${result.items.length}` : failure instanceof ValidationError ? failure.code : 'error',
  });
  if (result === undefined) throw failure;
  return result;
};
