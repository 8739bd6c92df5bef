import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, paginateQuery, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { startLocalBackend, type LocalBackend, type LocalBackendOptions } from '../../local/backend';
import type { TableName } from '../../shared/data/tables';

/**
 * scrypt at 2^12 instead of 2^17 in tests: the hashing code path is identical, only the cost
 * parameter differs (the config refuses anything below 2^17 outside the local stage).
 */
export const TEST_SCRYPT_LOG_N = '12';

export interface TestBackend extends LocalBackend {
  readonly dataDir: string;
  /** Calls the API like a client would. */
  call(method: string, path: string, options?: CallOptions): Promise<ApiResponse>;
  /**
   * Every item of a table, read straight from the store (for "nothing written" assertions). Audit items come in time
   * order (`at`, stable): a subject's lanes interleave in key order (ADR 0019).
   */
  items(table: TableName): Promise<Record<string, unknown>[]>;
  /**
   * The audit events one actor caused, in time order, read through the `byActor` index: a test that asks about its own
   * caller reads its few events instead of scanning every event of the run (a scan per case made the authorization
   * matrix quadratic in its cases).
   */
  auditOf(actorId: string): Promise<Record<string, unknown>[]>;
}

export interface CallOptions {
  readonly body?: unknown;
  /** Sent as-is (no JSON encoding) when a string. */
  readonly rawBody?: string;
  readonly token?: string;
  readonly headers?: Record<string, string>;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: any;
}

/**
 * Starts the whole local backend in memory on a free port; `options` may put a proxy before the stand-ins (fault tests),
 * leave the workers out (`worker: false`: the queues unconsumed, a quiet store) or choose the keys.
 */
export const startTestBackend = async (
  env: Record<string, string> = {},
  options: Pick<LocalBackendOptions, 'route' | 'worker' | 'keys'> = {},
): Promise<TestBackend> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'carebow-test-'));
  const backend = await startLocalBackend({ port: 0, dataDir, persist: false, env: { PASSWORD_SCRYPT_LOG_N: TEST_SCRYPT_LOG_N, ...env }, ...options });
  const dynamo = new DynamoDBClient({
    endpoint: backend.dynamodbEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const base = backend.url.replace('localhost', '127.0.0.1');
  return {
    ...backend,
    dataDir,
    call: async (method, path, options = {}) => {
      const headers: Record<string, string> = { ...options.headers };
      if (options.body !== undefined) headers['content-type'] ??= 'application/json';
      if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
      const response = await fetch(`${base}${path}`, {
        method,
        headers,
        ...(options.rawBody !== undefined ? { body: options.rawBody } : options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      });
      const text = await response.text();
      let json: unknown;
      try {
        json = text.length > 0 ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: response.status, headers: response.headers, text, json };
    },
    items: async (table) => {
      const { Items = [] } = await dynamo.send(new ScanCommand({ TableName: backend.tables[table] }));
      const items = Items.map((item) => unmarshall(item));
      return table === 'audit' ? items.sort((a, b) => (a['at'] < b['at'] ? -1 : a['at'] > b['at'] ? 1 : 0)) : items;
    },
    auditOf: async (actorId) => {
      const events: Record<string, unknown>[] = [];
      const pages = paginateQuery(
        { client: dynamo },
        {
          TableName: backend.tables.audit,
          IndexName: 'byActor',
          KeyConditionExpression: 'actorId = :actor',
          ExpressionAttributeValues: { ':actor': { S: actorId } },
        },
      );
      for await (const page of pages) events.push(...(page.Items ?? []).map((item) => unmarshall(item)));
      return events;
    },
    stop: async () => {
      dynamo.destroy();
      await backend.stop();
    },
  };
};

/** Registers and logs in a user; returns its tokens and id. */
export const signUp = async (
  backend: TestBackend,
  email: string,
  password = 'a perfectly long passphrase',
): Promise<{ userId: string; accessToken: string; refreshToken: string }> => {
  const registered = await backend.call('POST', '/api/v1/auth/register', { body: { email, password } });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.status} ${registered.text}`);
  const login = await backend.call('POST', '/api/v1/auth/login', { body: { email, password } });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  return { userId: registered.json.user.id, accessToken: login.json.accessToken, refreshToken: login.json.refreshToken };
};
