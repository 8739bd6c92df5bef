import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { traced } from './xray';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { clientConfig } from './client-config';

/**
 * The document client every repository shares. In AWS it uses the function's role and region;
 * locally `endpoint` points at dynalite, which accepts any credentials.
 */
export const createDocumentClient = (options: { endpoint?: string | undefined } = {}): DynamoDBDocumentClient => {
  const client = traced(new DynamoDBClient(clientConfig(options.endpoint)));
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
};

/** True for the error DynamoDB returns when a condition expression does not hold. */
export const isConditionFailure = (error: unknown): boolean => error instanceof Error && error.name === 'ConditionalCheckFailedException';
