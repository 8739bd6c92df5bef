import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ContentPublication, LivePost, RenderedSnapshot } from '../../content/rendering';
import { PUBLISHED, slugKey } from '../../data/keys';
import { conditionalWrite, queryAll, withoutKeys } from './dynamo-kit';

/** The statuses whose working copies may have a live public snapshot: published, and published ones being edited again. */
const LIVE_STATUSES = ['published', 'draft', 'in_review'] as const;

/**
 * The content worker's view of the content table: the working copies with a public snapshot (the
 * sparse `byStatus` index, every page), the snapshots (`SLUG#<slug> / PUBLIC`), and their rendering.
 */
export class DynamoContentPublication implements ContentPublication {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async livePosts(): Promise<LivePost[]> {
    const pages = await Promise.all(
      LIVE_STATUSES.map((status) =>
        queryAll(this.client, {
          TableName: this.tableName,
          IndexName: 'byStatus',
          KeyConditionExpression: 'postStatus = :status',
          // A draft or a post in review has a snapshot only if it was published before.
          ...(status === 'published' ? {} : { FilterExpression: 'attribute_exists(#version)' }),
          ProjectionExpression: '#id, #slug, #version',
          ExpressionAttributeNames: { '#id': 'id', '#slug': 'slug', '#version': 'publishedVersion' },
          ExpressionAttributeValues: { ':status': status },
        }),
      ),
    );
    return pages
      .flat()
      .filter((item) => typeof item['publishedVersion'] === 'number')
      .map((item) => ({ postId: item['id'] as string, slug: item['slug'] as string, publishedVersion: item['publishedVersion'] as number }));
  }

  public async snapshot(slug: string): Promise<RenderedSnapshot | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: slugKey(slug), sk: PUBLISHED }, ConsistentRead: true }));
    return Item === undefined ? undefined : withoutKeys<RenderedSnapshot>(Item);
  }

  public saveRendering(slug: string, postId: string, publishedVersion: number, html: string): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: slugKey(slug), sk: PUBLISHED },
        UpdateExpression: 'SET html = :html, renderedVersion = :version',
        ConditionExpression: 'postId = :postId AND publishedVersion = :version',
        ExpressionAttributeValues: { ':html': html, ':version': publishedVersion, ':postId': postId },
      }),
    );
  }
}
