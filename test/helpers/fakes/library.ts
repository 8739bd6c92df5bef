import type { LibraryCategory, LibraryCounters, LibraryReader, PublishedPost, SearchIndexStore } from '../../../shared/content/library-ports';
import type { SearchIndex } from '../../../shared/content/search-index';

/**
 * The public library's ports in memory: published snapshots by slug, categories, the counters as a
 * map of `<pk>|<sk>` to a count (like the items `DynamoLibrary` adds to), and a search index held as
 * given. `failCounters` makes every counter write throw (a failed count must not fail a read).
 */
export class InMemoryLibrary implements LibraryReader, LibraryCounters {
  public readonly posts = new Map<string, PublishedPost>();
  public readonly categoryList: LibraryCategory[] = [];
  public readonly counts = new Map<string, number>();
  public failCounters = false;

  public async publishedPost(slug: string): Promise<PublishedPost | undefined> {
    return this.posts.get(slug);
  }

  public async categories(): Promise<LibraryCategory[]> {
    return [...this.categoryList].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }

  public async addView(date: string, postId: string): Promise<void> {
    this.add(`VIEWS#${date.slice(0, 7)}|${date}#${postId}`);
  }

  public async addNoHit(date: string, term: string): Promise<void> {
    this.add(`NOHIT#${date.slice(0, 7)}|${date}#${term}`);
  }

  private add(key: string): void {
    if (this.failCounters) throw new Error('counter store down');
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
}

/** A search index store that hands out whatever index it was given (or none). */
export class InMemorySearchIndexStore implements Pick<SearchIndexStore, 'current'> {
  public constructor(public index: SearchIndex | undefined) {}

  public async current(): Promise<SearchIndex | undefined> {
    return this.index;
  }
}
