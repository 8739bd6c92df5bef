import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { HealthConfig } from '../config';
import { clientConfig } from '../adapters/aws/client-config';
import { TABLES, type TableName } from '../data/tables';
import type { Probe } from '../platform/check-dependencies';
import { LocalTokenSigner } from '../adapters/local/local-token-signer';

/** The probes of the detailed health check: tables, key service, queue, LLM configuration. */
export const healthProbes = (config: HealthConfig): Probe[] => {
  const dynamo = new DynamoDBClient(clientConfig(config.DYNAMODB_ENDPOINT));
  const sqs = new SQSClient(clientConfig(config.SQS_ENDPOINT));
  const tableProbe = (name: TableName): Probe => ({
    name: `table:${name}`,
    check: async (abortSignal) => {
      const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: config[TABLES[name].envVar] }), { abortSignal });
      if (Table?.TableStatus !== 'ACTIVE') throw Object.assign(new Error('not active'), { name: 'TableNotActive' });
    },
  });
  // Folds to the KMS probe in Lambda bundles (shared/runtime/target.ts).
  const keyProbe: Probe = process.env.CAREBOW_LAMBDA_BUNDLE === 'true' || config.KEY_PROVIDER === 'kms'
    ? {
        name: 'keys:kms',
        check: async (abortSignal) => {
          const { KeyMetadata } = await new KMSClient({}).send(new DescribeKeyCommand({ KeyId: config.TOKEN_SIGNING_KEY_ID! }), { abortSignal });
          if (KeyMetadata?.Enabled !== true) throw Object.assign(new Error('disabled'), { name: 'KeyDisabled' });
        },
      }
    : { name: 'keys:local-keyring', check: async () => { await new LocalTokenSigner(config.CAREBOW_DATA_DIR!).publicJwk(); } };
  const queueProbe: Probe = {
    name: 'queue:triage',
    check: async (abortSignal) => {
      await sqs.send(new GetQueueAttributesCommand({ QueueUrl: config.TRIAGE_QUEUE_URL, AttributeNames: ['ApproximateNumberOfMessages'] }), { abortSignal });
    },
  };
  // Reports configuration only: a health check must not spend model tokens or call out.
  const llmProbe: Probe = {
    name: 'llm',
    check: async () => (config.OPENAI_API_KEY || config.OPENAI_API_KEY_SECRET_ID ? `model ${config.OPENAI_MODEL}` : 'offline rules engine (no model key configured)'),
  };
  return [...(Object.keys(TABLES) as TableName[]).map(tableProbe), keyProbe, queueProbe, llmProbe];
};
