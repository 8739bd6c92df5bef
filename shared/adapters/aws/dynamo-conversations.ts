import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ConversationRepository, StoredConversation } from '../../chat/ports';
import { CHAT_PREFIX, chatKey, userKey } from '../../data/keys';
import type { Page, PageRequest } from '../../domain/page';
import { partitionPrefix, putOnce, queryPage, withoutKeys } from './dynamo-kit';
import { undoWrite } from './dynamo-kit';

const key = (patientId: string, conversationId: string) => ({ pk: userKey(patientId), sk: chatKey(conversationId) });

/** Assistant conversations in the patient's records partition; every write is conditional on the revision. */
export class DynamoConversations implements ConversationRepository {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async getConversation(patientId: string, conversationId: string): Promise<StoredConversation | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key(patientId, conversationId), ConsistentRead: true }));
    return Item === undefined ? undefined : withoutKeys(Item);
  }

  /** Newest first (uuidv7 ids sort by time). */
  public conversationsOf(patientId: string, page: PageRequest): Promise<Page<StoredConversation>> {
    const pk = userKey(patientId);
    return queryPage(
      this.client,
      { TableName: this.tableName, ...partitionPrefix(pk, CHAT_PREFIX), ScanIndexForward: false },
      page,
      { pk },
      withoutKeys<StoredConversation>,
    );
  }

  /** `putOnce`: a save sent again after its answer was lost finds its own revision, not a newer one. */
  public saveConversation(conversation: StoredConversation, expectedRevision: number): Promise<boolean> {
    return putOnce(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { ...key(conversation.patientId, conversation.id), ...conversation },
        ConditionExpression: expectedRevision === 0 ? 'attribute_not_exists(pk)' : 'revision = :expected',
        ...(expectedRevision === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedRevision } }),
      }),
    );
  }

  public undoSave(saved: StoredConversation, previous: StoredConversation | undefined): Promise<boolean> {
    return undoWrite(this.client, this.tableName, key(saved.patientId, saved.id), previous, 'revision = :r AND messagesSealed = :m', {
      ':r': saved.revision,
      ':m': saved.messagesSealed,
    });
  }
}
