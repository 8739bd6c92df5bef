/** One page of a list and where the next one starts. */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor?: string;
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

/** `page` with other items (e.g. opened or mapped ones), keeping its cursor only when it has one. */
export const withItems = <U>(page: Page<unknown>, items: U[]): Page<U> => ({ items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) });

/** `page` with each item mapped. */
export const mapPage = <T, U>(page: Page<T>, map: (item: T) => U): Page<U> => withItems(page, page.items.map(map));
