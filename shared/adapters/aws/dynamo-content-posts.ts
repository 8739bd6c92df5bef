import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  CategoryRecord,
  CategoryRepository,
  ContentCounters,
  PostRecord,
  PostRepository,
  PostStatus,
  PublishedSnapshot,
  PublishedSnapshots,
  RevisionRecord,
  SlugClaims,
} from '../../content/ports';
import {
  CATEGORIES,
  dayEntryKey,
  noHitKey,
  POST,
  postKey,
  postStatusSort,
  PUBLISHED,
  REVISION_PREFIX,
  revisionKey,
  SLUG_CLAIM,
  slugKey,
  viewsKey,
} from '../../data/keys';
import type { Page, PageRequest } from '../../domain/page';
import { batchGet } from './dynamo-batch';
import { conditionalWrite, partitionPrefix, putOnce, queryAll, queryPage, undoWrite, withoutKeys } from './dynamo-kit';

/**
 * The content library's editorial items in the content table (shared/data/tables.ts; no PHI):
 * - `POST#<id> / POST`: a post's working copy, with `postStatus` and `updatedSort` (`<updatedAt>#<id>`), the keys of
 *   the sparse `byStatus` index; every write one conditional put on `version`;
 * - `POST#<id> / REV#<n>`: its revisions, each written once (`attribute_not_exists`);
 * - `SLUG#<slug> / CLAIM` (`{ postId }`, for good) and `SLUG#<slug> / PUBLIC` (the published snapshot; the content
 *   worker adds `html`);
 * - `CATEGORY / <slug>`: the managed list;
 * - `VIEWS#<YYYY-MM> / <YYYY-MM-DD>#<postId>` and `NOHIT#<YYYY-MM> / <YYYY-MM-DD>#<term>`: counters, read here for the
 *   dashboard (the public routes add to them).
 */

const INDEX = 'byStatus';
const INDEX_ATTRIBUTES = ['postStatus', 'updatedSort'] as const;

const post = (postId: string) => ({ pk: postKey(postId), sk: POST });
const itemOf = (record: PostRecord) => ({ ...post(record.id), ...record, postStatus: record.status, updatedSort: postStatusSort(record.updatedAt, record.id) });
const toPost = (item: Record<string, unknown>): PostRecord => withoutKeys<PostRecord>(item, INDEX_ATTRIBUTES);

/** Posts' working copies and revisions. */
export class DynamoContentPosts implements PostRepository {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async get(postId: string): Promise<PostRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: post(postId), ConsistentRead: true }));
    return Item === undefined ? undefined : toPost(Item);
  }

  public put(record: PostRecord): Promise<boolean> {
    const creating = record.version === 1;
    return putOnce(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: itemOf(record),
        ConditionExpression: creating ? 'attribute_not_exists(pk)' : 'version = :expected',
        ...(creating ? {} : { ExpressionAttributeValues: { ':expected': record.version - 1 } }),
      }),
    );
  }

  public undoPut(written: Pick<PostRecord, 'id' | 'version'>, previous: PostRecord | undefined): Promise<boolean> {
    const { pk: _pk, sk: _sk, ...restored } = previous ? itemOf(previous) : { pk: '', sk: '' };
    return undoWrite(this.client, this.tableName, post(written.id), previous && restored, 'version = :v', { ':v': written.version });
  }

  public addRevision(postId: string, revision: RevisionRecord): Promise<boolean> {
    return putOnce(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: postKey(postId), sk: revisionKey(revision.version), ...revision },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  public async removeRevision(postId: string, revision: Pick<RevisionRecord, 'version' | 'at' | 'actorId'>): Promise<void> {
    await conditionalWrite(
      this.client,
      new DeleteCommand({
        TableName: this.tableName,
        Key: { pk: postKey(postId), sk: revisionKey(revision.version) },
        ConditionExpression: '#at = :at AND actorId = :actor',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: { ':at': revision.at, ':actor': revision.actorId },
      }),
    );
  }

  public revisions(postId: string, page: PageRequest): Promise<Page<RevisionRecord>> {
    const pk = postKey(postId);
    return queryPage(this.client, { TableName: this.tableName, ...partitionPrefix(pk, REVISION_PREFIX), ScanIndexForward: false }, page, { pk }, (item) =>
      withoutKeys<RevisionRecord>(item),
    );
  }

  public byStatus(status: PostStatus, page: PageRequest): Promise<Page<PostRecord>> {
    return queryPage(
      this.client,
      {
        TableName: this.tableName,
        IndexName: INDEX,
        KeyConditionExpression: 'postStatus = :status',
        ExpressionAttributeValues: { ':status': status },
        ScanIndexForward: false,
      },
      page,
      { postStatus: status },
      toPost,
    );
  }

  public async countByStatus(status: PostStatus): Promise<number> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const result = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: INDEX,
          KeyConditionExpression: 'postStatus = :status',
          ExpressionAttributeValues: { ':status': status },
          Select: 'COUNT',
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      count += result.Count ?? 0;
      start = result.LastEvaluatedKey;
    } while (start !== undefined);
    return count;
  }
}

/** Slug claims: `SLUG#<slug> / CLAIM`, `{ postId }`, written once and kept for good. */
export class DynamoSlugClaims implements SlugClaims {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public claim(slug: string, postId: string): Promise<boolean> {
    return putOnce(
      this.client,
      new PutCommand({ TableName: this.tableName, Item: { pk: slugKey(slug), sk: SLUG_CLAIM, postId }, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
  }

  public async release(slug: string, postId: string): Promise<void> {
    await conditionalWrite(
      this.client,
      new DeleteCommand({
        TableName: this.tableName,
        Key: { pk: slugKey(slug), sk: SLUG_CLAIM },
        ConditionExpression: 'postId = :postId',
        ExpressionAttributeValues: { ':postId': postId },
      }),
    );
  }
}

type StoredSnapshot = PublishedSnapshot & Record<string, unknown>;

/** The published snapshots: `SLUG#<slug> / PUBLIC`. */
export class DynamoPublishedSnapshots implements PublishedSnapshots {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async get(slug: string): Promise<StoredSnapshot | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: slugKey(slug), sk: PUBLISHED }, ConsistentRead: true }));
    return Item === undefined ? undefined : withoutKeys<StoredSnapshot>(Item);
  }

  public put(snapshot: PublishedSnapshot): Promise<boolean> {
    return putOnce(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: slugKey(snapshot.slug), sk: PUBLISHED, ...snapshot },
        ConditionExpression: 'attribute_not_exists(pk) OR publishedVersion < :version',
        ExpressionAttributeValues: { ':version': snapshot.publishedVersion },
      }),
    );
  }

  public async restore(slug: string, previous: StoredSnapshot | undefined): Promise<void> {
    const Key = { pk: slugKey(slug), sk: PUBLISHED };
    if (previous) await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...Key, ...previous } }));
    else await this.client.send(new DeleteCommand({ TableName: this.tableName, Key }));
  }

  public async remove(slug: string, postId: string): Promise<void> {
    await conditionalWrite(
      this.client,
      new DeleteCommand({
        TableName: this.tableName,
        Key: { pk: slugKey(slug), sk: PUBLISHED },
        ConditionExpression: 'postId = :postId',
        ExpressionAttributeValues: { ':postId': postId },
      }),
    );
  }
}

/** The managed list of categories: `CATEGORY / <slug>`. */
export class DynamoCategories implements CategoryRepository {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async get(slug: string): Promise<CategoryRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: CATEGORIES, sk: slug } }));
    return Item === undefined ? undefined : withoutKeys<CategoryRecord>(Item);
  }

  public create(category: CategoryRecord): Promise<boolean> {
    return putOnce(
      this.client,
      new PutCommand({ TableName: this.tableName, Item: { pk: CATEGORIES, sk: category.slug, ...category }, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
  }

  public async remove(category: Pick<CategoryRecord, 'slug' | 'createdAt'>): Promise<void> {
    await conditionalWrite(
      this.client,
      new DeleteCommand({
        TableName: this.tableName,
        Key: { pk: CATEGORIES, sk: category.slug },
        ConditionExpression: 'createdAt = :createdAt',
        ExpressionAttributeValues: { ':createdAt': category.createdAt },
      }),
    );
  }
}

/** The `YYYY-MM` months from `from`'s to `to`'s (dates `YYYY-MM-DD`, `from` ≤ `to`). */
const monthsBetween = (from: string, to: string): string[] => {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (let current = from.slice(0, 7); current <= to.slice(0, 7); current = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(current);
    month += 1;
    if (month === 13) {
      year += 1;
      month = 1;
    }
  }
  return months;
};

/** The dashboard's reads: the view and no-hit counters of a range of days (a Query per month), and the top posts' titles. */
export class DynamoContentCounters implements ContentCounters {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private async days(
    partitionOf: (month: string) => string,
    from: string,
    to: string,
  ): Promise<{ date: string; what: string; item: Record<string, unknown> }[]> {
    const months = await Promise.all(
      monthsBetween(from, to).map((month) =>
        queryAll(this.client, {
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': partitionOf(month), ':from': dayEntryKey(from, ''), ':to': dayEntryKey(to, '\uffff') },
        }),
      ),
    );
    return months.flat().map((item) => {
      const sk = item['sk'] as string;
      return { date: sk.slice(0, 10), what: sk.slice(11), item };
    });
  }

  public async views(from: string, to: string): Promise<{ date: string; postId: string; views: number }[]> {
    return (await this.days(viewsKey, from, to)).map(({ date, what, item }) => ({ date, postId: what, views: Number(item['views'] ?? 0) }));
  }

  public async noHits(from: string, to: string): Promise<{ date: string; term: string; count: number }[]> {
    return (await this.days(noHitKey, from, to)).map(({ date, what, item }) => ({ date, term: what, count: Number(item['count'] ?? 0) }));
  }

  public async posts(postIds: readonly string[]): Promise<Pick<PostRecord, 'id' | 'slug' | 'title'>[]> {
    if (postIds.length === 0) return [];
    const items = await batchGet(this.client, this.tableName, postIds.map(post));
    return items.map((item) => ({ id: item['id'] as string, slug: item['slug'] as string, title: item['title'] as string }));
  }
}
