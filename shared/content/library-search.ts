import { createHash } from 'node:crypto';
import type { LibraryListQuery, LibraryPostPage } from '../contracts/library';
import { DEFAULT_LIBRARY_PAGE } from '../contracts/library';
import type { Clock } from '../domain/clock';
import { ValidationError } from '../errors';
import { log } from '../logger';
import type { LibraryDeps } from './library-ports';
import type { ListedPost } from './search-index';

/** A search term recorded as "found nothing" is at most this long. */
export const MAX_NO_HIT_TERM = 64;

const EMAIL = /[^\s@]+@[^\s@]+/;
const URL_LIKE = /[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:|[a-z0-9-]\.(?:[a-z]{2,24})(?:[/:?#]|\s|$)/u;
/** Five digits or more, also written with spaces, dots, dashes or brackets between them (a phone, an id). */
const DIGIT_RUN = /\p{Nd}(?:[\s().-]*\p{Nd}){4,}/u;

/**
 * A search that found nothing, as the dashboard may keep it: lower-cased, whitespace collapsed, at
 * most {@link MAX_NO_HIT_TERM} characters; `undefined` (not recorded) if it holds an e-mail address,
 * a URL or a run of five digits or more, which may identify a person.
 */
export const noHitTerm = (query: string): string | undefined => {
  const term = query.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (term === '' || EMAIL.test(term) || URL_LIKE.test(term) || DIGIT_RUN.test(term)) return undefined;
  return term.slice(0, MAX_NO_HIT_TERM).trim();
};

/** Today's date in UTC, `YYYY-MM-DD`: the counters' day. */
export const dayOf = (clock: Clock): string => clock.now().toISOString().slice(0, 10);

/** What a cursor is bound to: the query and its filters (a cursor of one search is refused by another). */
const scopeOf = (query: LibraryListQuery): string =>
  createHash('sha256')
    .update(JSON.stringify([query.q ?? null, query.category ?? null, query.tag ?? null, query.language ?? null]))
    .digest('base64url')
    .slice(0, 16);

/** The largest offset a cursor may carry: far beyond any library's size, so a crafted one stays cheap. */
const MAX_OFFSET = 100_000;

const encodeCursor = (offset: number, scope: string): string => Buffer.from(`${offset}.${scope}`).toString('base64url');

const decodeCursor = (cursor: string | undefined, scope: string): number => {
  if (cursor === undefined) return 0;
  const [offset, bound] = Buffer.from(cursor, 'base64url').toString('utf8').split('.');
  const at = Number(offset);
  if (bound !== scope || !/^\d{1,6}$/.test(offset ?? '') || at > MAX_OFFSET) throw new ValidationError('The cursor is invalid.', undefined, 'invalid_cursor');
  return at;
};

const toSummary = (post: ListedPost): LibraryPostPage['items'][number] => ({
  slug: post.slug,
  title: post.title,
  summary: post.summary,
  category: post.category,
  tags: [...post.tags],
  language: post.language,
  publishedAt: post.publishedAt,
  reviewedByName: post.reviewedByName,
  reviewedAt: post.reviewedAt,
});

/**
 * `GET /api/v1/content/posts`: published posts from the search index, the best matches of `q`
 * first, else the newest first; filtered by category, tag and language; paged by an offset cursor
 * bound to the query. A `q` that finds nothing adds 1 to its term's count for the day (`noHitTerm`),
 * once per search (the first page); a failed count never fails the search.
 */
export const listLibraryPosts = async (
  { searchIndex, counters, clock }: Pick<LibraryDeps, 'searchIndex' | 'counters'> & { readonly clock: Clock },
  query: LibraryListQuery,
): Promise<LibraryPostPage> => {
  const offset = decodeCursor(query.cursor, scopeOf(query));
  const limit = query.limit ?? DEFAULT_LIBRARY_PAGE;
  const index = await searchIndex.current();
  const filters = {
    ...(query.category === undefined ? {} : { category: query.category }),
    ...(query.tag === undefined ? {} : { tag: query.tag }),
    ...(query.language === undefined ? {} : { language: query.language }),
  };
  const found: readonly ListedPost[] =
    index === undefined ? [] : query.q === undefined ? index.list(filters) : index.search(query.q, { ...filters, limit: offset + limit + 1 });
  if (query.q !== undefined && found.length === 0 && offset === 0) {
    const term = noHitTerm(query.q);
    if (term !== undefined)
      await counters.addNoHit(dayOf(clock), term).catch(() => log.warn('search without results not counted', { dependency: 'content:no-hit' }));
  }
  const items = found.slice(offset, offset + limit).map(toSummary);
  return { items, ...(found.length > offset + limit ? { nextCursor: encodeCursor(offset + limit, scopeOf(query)) } : {}) };
};
