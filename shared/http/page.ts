import type { PageRequest } from '../domain/page';
/** Page size when a list request does not ask for one. */
export const DEFAULT_PAGE_SIZE = 20;

export interface PageQuery {
  readonly limit?: number;
  readonly cursor?: string;
}

/** The page a validated `?limit=&cursor=` asks for. */
export const pageOf = (query: PageQuery): PageRequest => ({
  limit: query.limit ?? DEFAULT_PAGE_SIZE,
  ...(query.cursor ? { cursor: query.cursor } : {}),
});
