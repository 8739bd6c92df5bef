/**
 * `npm start`: the whole CareBow backend on this machine, on embedded stand-ins (dynalite,
 * fauxqs, a local keyring), at http://localhost:$PORT. Data persists in $CAREBOW_DATA_DIR.
 */
import { resolve } from 'node:path';
import { startLocalBackend } from '../local/backend';
import { routes } from '../functions/routes';

const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.CAREBOW_DATA_DIR ?? '.carebow');

const main = async (): Promise<void> => {
  const backend = await startLocalBackend({ port, dataDir, persist: true }).catch((error: Error) => {
    const hint = /lock/i.test(String(error.message)) ? ` (is another \`npm start\` using ${dataDir}?)` : '';
    console.error(`CareBow could not start: ${error.message}${hint}`);
    process.exit(1);
  });
  const lines = [
    `CareBow local backend listening on ${backend.url}`,
    `  data dir     ${dataDir}`,
    `  DynamoDB     dynalite at ${backend.dynamodbEndpoint} (tables: ${Object.values(backend.tables).join(', ')})`,
    `  SQS          fauxqs at ${backend.sqsEndpoint} (triage queue + DLQ; the triage worker polls it)`,
    backend.keyStandIns
      ? `  keys         AWS adapters on stand-ins (CAREBOW_KEYS=kms-standin): KMS ${backend.keyStandIns.kms.endpoint}, Secrets Manager ${backend.keyStandIns.secrets.endpoint}, S3 ${backend.keyStandIns.s3.endpoint}`
      : `  keys         local keyring in ${resolve(dataDir, 'keys')} (token signing, blind index, data-key master)`,
    `  LLM          ${process.env.OPENAI_API_KEY ? `model ${process.env.OPENAI_MODEL ?? 'gpt-4o-mini'} at ${process.env.OPENAI_BASE_URL ?? 'OpenAI'} (for patients who allow AI processing)` : 'offline rules engine (set OPENAI_API_KEY to use a model)'}`,
    `  routes       ${Object.keys(routes).length}, OpenAPI at ${backend.url}${routes.openapi.path}`,
    'Press Ctrl-C to stop.',
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received, stopping CareBow…`);
    backend.stop().then(
      () => {
        console.log('CareBow stopped.');
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
};

void main();
