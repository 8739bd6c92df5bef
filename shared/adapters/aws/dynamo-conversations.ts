import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ConversationRepository, StoredConversation } from "../../chat/ports";
import type { Page, PageRequest } from "../../domain/page";
import { isConditionFailure } from './dynamo-client';
import { pageByPrefix } from './prefix-page';

const key = (patientId: string, conversationId: string) => ({ pk: `USER#${patientId}`, sk: `CHAT#${conversationId}` });
const strip = ({ pk: _pk, sk: _sk, ...conversation }: Record<string, unknown>): StoredConversation => conversation as unknown as StoredConversation;

/** Assistant conversations in the patient's records partition; every write is conditional on the revision. */
export class DynamoConversations implements ConversationRepository {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async getConversation(patientId: string, conversationId: string): Promise<StoredConversation | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key(patientId, conversationId), ConsistentRead: true }));
    return Item === undefined ? undefined : strip(Item);
  }

  public conversationsOf(patientId: string, page: PageRequest): Promise<Page<StoredConversation>> {
    return pageByPrefix(this.client, { tableName: this.tableName, pk: `USER#${patientId}`, prefix: 'CHAT#' }, page, strip);
  }


  public async saveConversation(conversation: StoredConversation, expectedRevision: number): Promise<boolean> {
    try {
      await this.client.send(new PutCommand({
        TableName: this.tableName,
        Item: { ...key(conversation.patientId, conversation.id), ...conversation },
        ConditionExpression: expectedRevision === 0 ? 'attribute_not_exists(pk)' : 'revision = :expected',
        ...(expectedRevision === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedRevision } }),
      }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
