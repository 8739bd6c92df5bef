import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SearchIndexStore } from '../../content/library-ports';
import { loadSearchIndex, type SearchIndex } from '../../content/search-index';
import { chunkKey, SEARCH_INDEX, SEARCH_INDEX_POINTER, searchIndexKey } from '../../data/keys';
import { log } from '../../logger';
import { conditionalWrite, queryAll } from './dynamo-kit';

/** A build's chunks left behind by a writer that stopped before its pointer may be overwritten after this long. */
const ABANDONED_AFTER_MS = 5 * 60_000;

interface Pointer {
  readonly version: number;
  readonly chunks: number;
  /** The build that wrote the chunks: a reader takes only chunks of this build. */
  readonly build: string;
}

/**
 * The search index in the content table: `INDEX / POINTER` `{ version, chunks, build, docCount, builtAt }`
 * names the current version; `INDEX#<version> / CHUNK#<n>` `{ data, build, writtenAt }` hold its gzip
 * chunks. A reader reads the pointer (one GetItem) and the chunks only when the version changed; the
 * index it holds is cached on the instance (one per container: see the composition root). This
 * class only reads, so a public route's bundle holds no write; {@link DynamoSearchIndexStore} also publishes.
 */
export class DynamoSearchIndexReader implements Pick<SearchIndexStore, 'current'> {
  private cached: SearchIndex | undefined;

  public constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  public async current(): Promise<SearchIndex | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: SEARCH_INDEX, sk: SEARCH_INDEX_POINTER } }));
    if (Item === undefined) return this.cached;
    const pointer = Item as unknown as Pointer;
    if (this.cached?.version === pointer.version) return this.cached;
    try {
      this.cached = loadSearchIndex(await this.chunksOf(pointer), pointer.version);
    } catch (error) {
      // Keep answering from the index held (a few minutes stale at worst) rather than failing readers.
      if (this.cached === undefined) throw error;
      log.warn('search index not loaded; serving the one held', {
        dependency: 'content:search-index',
        errorName: error instanceof Error ? error.name : 'unknown',
      });
    }
    return this.cached;
  }

  /** The pointer's chunks, in order, all of its build; throws if any is missing. */
  private async chunksOf(pointer: Pointer): Promise<Uint8Array[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': searchIndexKey(pointer.version) },
      // The chunks were written before the pointer: a strongly consistent read sees all of them.
      ConsistentRead: true,
    });
    const chunks: Uint8Array[] = [];
    for (let n = 0; n < pointer.chunks; n++) {
      const item = items.find((candidate) => candidate['sk'] === chunkKey(n));
      if (item === undefined || item['build'] !== pointer.build || !(item['data'] instanceof Uint8Array)) {
        throw new Error(`Search index version ${pointer.version} is missing chunk ${n}`);
      }
      chunks.push(item['data']);
    }
    return chunks;
  }
}

/**
 * The reader that also publishes (the content worker): it puts the chunks of version + 1 first (each
 * only if absent, or abandoned by a writer that stopped), then moves the pointer in one write
 * conditional on the version it started from, then removes the version before last.
 */
export class DynamoSearchIndexStore extends DynamoSearchIndexReader implements SearchIndexStore {
  /**
   * The pointer's version (0 before the first build), without loading the chunks: what a writer
   * passes as `expectedVersion` even when the stored index cannot be loaded (a format this code no
   * longer reads, a lost chunk), so a rebuild can always replace it.
   */
  public async version(): Promise<number> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: SEARCH_INDEX, sk: SEARCH_INDEX_POINTER },
        ProjectionExpression: '#version',
        ExpressionAttributeNames: { '#version': 'version' },
      }),
    );
    return typeof Item?.['version'] === 'number' ? Item['version'] : 0;
  }

  public async publish(chunks: readonly Uint8Array[], expectedVersion: number, details: { readonly docCount?: number } = {}): Promise<number | undefined> {
    const version = expectedVersion + 1;
    const build = randomUUID();
    const now = Date.now();
    for (const [n, data] of chunks.entries()) {
      const written = await conditionalWrite(
        this.client,
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: searchIndexKey(version), sk: chunkKey(n), data, build, writtenAt: now },
          // Another writer building the same version right now wins; one that stopped long ago does not block us.
          ConditionExpression: 'attribute_not_exists(pk) OR writtenAt < :abandoned',
          ExpressionAttributeValues: { ':abandoned': now - ABANDONED_AFTER_MS },
        }),
      );
      if (!written) return undefined;
    }
    const moved = await conditionalWrite(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: SEARCH_INDEX,
          sk: SEARCH_INDEX_POINTER,
          version,
          chunks: chunks.length,
          build,
          docCount: details.docCount ?? 0,
          builtAt: new Date(now).toISOString(),
        },
        ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : '#version = :expected',
        ...(expectedVersion === 0 ? {} : { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } }),
      }),
    );
    if (!moved) return undefined;
    // Readers that loaded the version before last have moved on; its chunks are garbage now.
    if (expectedVersion > 1)
      await this.removeVersion(expectedVersion - 1).catch(() => log.warn('old search index chunks not removed', { dependency: 'content:search-index' }));
    return version;
  }

  private async removeVersion(version: number): Promise<void> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': searchIndexKey(version) },
      ProjectionExpression: 'pk, sk',
    });
    for (const item of items) await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { pk: item['pk'], sk: item['sk'] } }));
  }
}
