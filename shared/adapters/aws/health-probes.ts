import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { traced } from './xray';
import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Probe } from '../../platform/ports';

/**
 * The detailed health check's probes of AWS dependencies: read-only describe calls (the grants in
 * functions/routes/platform.ts), each cancelled by the check's signal. A failure is an error whose
 * name says what is wrong; `checkDependencies` reports only that name.
 */
const failure = (name: string, message: string) => Object.assign(new Error(message), { name });

/** A table is up when it is `ACTIVE`. */
export const tableProbe = (dynamo: DynamoDBClient, name: string, tableName: string): Probe => ({
  name,
  check: async (abortSignal) => {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: tableName }), { abortSignal });
    if (Table?.TableStatus !== 'ACTIVE') throw failure('TableNotActive', 'not active');
    return undefined;
  },
});

/** The token-signing key is up when KMS describes it as enabled. */
export const kmsKeyProbe = (keyId: string, kms: KMSClient = traced(new KMSClient({}))): Probe => ({
  name: 'keys:kms',
  check: async (abortSignal) => {
    const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: keyId }), { abortSignal });
    if (KeyMetadata?.Enabled !== true) throw failure('KeyDisabled', 'disabled');
    return undefined;
  },
});

/** A queue is up when it answers for its attributes. */
export const queueProbe = (sqs: SQSClient, name: string, queueUrl: string): Probe => ({
  name,
  check: async (abortSignal) => {
    await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }), { abortSignal });
    return undefined;
  },
});
