import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LibraryCategory, LibraryCounters, LibraryReader, PublishedPost } from '../../content/library-ports';
import { CATEGORIES, dayEntryKey, noHitKey, PUBLISHED, slugKey, viewsKey } from '../../data/keys';
import { queryAll } from './dynamo-kit';

/**
 * The public library's reads and counters in the content table: published snapshots
 * (`SLUG#<slug> / PUBLIC`), the category list (`CATEGORY / <slug>`), and the counters without
 * people, one item per day and post or term under the month (`VIEWS#<YYYY-MM>`, `NOHIT#<YYYY-MM>`),
 * each changed only by an atomic `ADD`. No user id, IP, cookie or user agent is ever written.
 */
export class DynamoLibrary implements LibraryReader, LibraryCounters {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async publishedPost(slug: string): Promise<PublishedPost | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: slugKey(slug), sk: PUBLISHED } }));
    return Item as PublishedPost | undefined;
  }

  public async categories(): Promise<LibraryCategory[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': CATEGORIES },
    });
    return items
      .map((item) => ({
        slug: String(item['slug'] ?? item['sk']),
        name: String(item['name']),
        ...(typeof item['description'] === 'string' ? { description: item['description'] } : {}),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.slug.localeCompare(b.slug));
  }

  public addView(date: string, postId: string): Promise<void> {
    return this.add(viewsKey(date.slice(0, 7)), dayEntryKey(date, postId), 'views');
  }

  public addNoHit(date: string, term: string): Promise<void> {
    return this.add(noHitKey(date.slice(0, 7)), dayEntryKey(date, term), 'count');
  }

  private async add(pk: string, sk: string, counter: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk, sk },
        UpdateExpression: 'ADD #counter :one',
        ExpressionAttributeNames: { '#counter': counter },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  }
}
