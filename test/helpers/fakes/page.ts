import type { Page, PageRequest } from '../../../shared/domain/page';
import { ValidationError } from '../../../shared/errors';

/** How a fake list is keyed and ordered (the sort key of the DynamoDB query it stands for). */
export interface PageOrder<T> {
  /** The item's sort key; keys are unique within one partition. */
  readonly key: (item: T) => string;
  /** Last key first, as `ScanIndexForward: false` (newest first where ids are uuidv7). */
  readonly descending?: boolean;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const encode = (partition: string, after: string): string => Buffer.from(JSON.stringify({ partition, after })).toString('base64url');

/** The key a cursor starts after; a cursor that is not ours, or is for another partition, is a 400 as in the adapters. */
const decode = (cursor: string | undefined, partition: string): string | undefined => {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    (parsed as Record<string, unknown>)['partition'] === partition &&
    typeof (parsed as Record<string, unknown>)['after'] === 'string';
  if (!valid) throw new ValidationError('The cursor is invalid.', undefined, 'invalid_cursor');
  return (parsed as { after: string }).after;
};

/**
 * One page of a partition's items, the way the DynamoDB adapters page: in key order, at most
 * `limit` items after the cursor's key, and an opaque cursor bound to `partition` exactly when more
 * items follow. Items added or removed between pages do not shift the next page (it starts after a
 * key, not at an offset).
 */
export const pageOf = <T>(items: Iterable<T>, partition: string, page: PageRequest, order: PageOrder<T>): Page<T> => {
  if (!Number.isInteger(page.limit) || page.limit < 1) throw new Error(`page limit must be a positive integer, got ${page.limit}`);
  const direction = order.descending === true ? -1 : 1;
  const sorted = [...items].sort((a, b) => direction * compare(order.key(a), order.key(b)));
  const after = decode(page.cursor, partition);
  const rest = after === undefined ? sorted : sorted.filter((item) => direction * compare(order.key(item), after) > 0);
  const taken = rest.slice(0, page.limit);
  return { items: taken, ...(rest.length > taken.length ? { nextCursor: encode(partition, order.key(taken.at(-1)!)) } : {}) };
};

/** Every item of a paged list, following cursors (for assertions). */
export const allPages = async <T>(read: (page: PageRequest) => Promise<Page<T>>, limit: number): Promise<{ pages: T[][]; items: T[] }> => {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await read({ limit, ...(cursor === undefined ? {} : { cursor }) });
    pages.push(page.items);
    cursor = page.nextCursor;
    if (pages.length > 1_000) throw new Error('the cursor never ends');
  } while (cursor !== undefined);
  return { pages, items: pages.flat() };
};
