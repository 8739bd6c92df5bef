import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { conditionalWrite, partitionPrefix, queryAll, queryPage, toPage, withoutKeys } from '../../shared/adapters/aws/dynamo-kit';
import { encodeCursor } from '../../shared/adapters/aws/page-cursor';
import { ValidationError } from '../../shared/errors';

/** The DynamoDB kit without a network: a client that records what it is sent and answers from a script. */
const fakeClient = (answer: (input: Record<string, unknown>, call: number) => unknown) => {
  const sent: { command: unknown; input: Record<string, unknown> }[] = [];
  const client = {
    send: async (command: { input: Record<string, unknown> }) => {
      sent.push({ command, input: command.input });
      const result = answer(command.input, sent.length);
      if (result instanceof Error) throw result;
      return result;
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, sent };
};

const named = (name: string) => Object.assign(new Error('no'), { name });
const put = new PutCommand({ TableName: 't', Item: { pk: 'USER#u' }, ConditionExpression: 'attribute_not_exists(pk)' });

describe('Function: conditionalWrite', () => {
  it('sends the command as given and answers true when it is applied', async () => {
    // Prepare
    const { client, sent } = fakeClient(() => ({}));

    // Act
    const applied = await conditionalWrite(client, put);

    // Assess
    expect(applied).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.command).toBe(put);
  });

  it.each([
    ['a PutCommand', put],
    [
      'an UpdateCommand',
      new UpdateCommand({
        TableName: 't',
        Key: { pk: 'x' },
        UpdateExpression: 'SET a = :a',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':a': 1 },
      }),
    ],
    ['a DeleteCommand', new DeleteCommand({ TableName: 't', Key: { pk: 'x' }, ConditionExpression: 'userId = :u', ExpressionAttributeValues: { ':u': 'u' } })],
  ])('answers false when the condition of %s fails', async (_kind, command) => {
    // Prepare
    const { client } = fakeClient(() => named('ConditionalCheckFailedException'));

    // Act, Assess
    await expect(conditionalWrite(client, command)).resolves.toBe(false);
  });

  it("answers false for the SDK's own ConditionalCheckFailedException", async () => {
    // Prepare
    const { client } = fakeClient(() => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    // Act, Assess
    await expect(conditionalWrite(client, put)).resolves.toBe(false);
  });

  it.each(['ProvisionedThroughputExceededException', 'ResourceNotFoundException', 'TransactionCanceledException', 'ValidationException'])(
    'rethrows any other failure (%s) unchanged',
    async (name) => {
      // Prepare
      const error = named(name);
      const { client } = fakeClient(() => error);

      // Act, Assess
      await expect(conditionalWrite(client, put)).rejects.toBe(error);
    },
  );

  it('rethrows a non-Error rejection', async () => {
    // Prepare
    const client = { send: () => Promise.reject('ConditionalCheckFailedException') } as unknown as DynamoDBDocumentClient;

    // Act, Assess
    await expect(conditionalWrite(client, put)).rejects.toBe('ConditionalCheckFailedException');
  });
});

describe('Function: withoutKeys', () => {
  it('drops pk and sk and keeps every other attribute, in order', () => {
    // Act
    const item = withoutKeys({ pk: 'USER#u', sk: 'SESSION#s', id: 's', status: 'queued', revision: 1 });

    // Assess
    expect(item).toStrictEqual({ id: 's', status: 'queued', revision: 1 });
    expect(Object.keys(item as object)).toEqual(['id', 'status', 'revision']);
  });

  it('drops the further attributes named, and tolerates a table without a sort key', () => {
    // Act
    const user = withoutKeys({ pk: 'USER#u', kind: 'user', id: 'u', roles: ['patient'], rolesVersion: 2 }, ['kind', 'rolesVersion']);

    // Assess
    expect(user).toStrictEqual({ id: 'u', roles: ['patient'] });
  });

  it('leaves the item it was given untouched', () => {
    // Prepare
    const stored = { pk: 'USER#u', sk: 'PROFILE', kind: 'x', data: 'sealed' };

    // Act
    withoutKeys(stored, ['kind']);

    // Assess
    expect(stored).toStrictEqual({ pk: 'USER#u', sk: 'PROFILE', kind: 'x', data: 'sealed' });
  });
});

describe('Function: partitionPrefix', () => {
  it('is the begins_with key condition on the partition, with any further values after the key ones', () => {
    // Act, Assess
    expect(partitionPrefix('USER#u', 'SESSION#')).toStrictEqual({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'USER#u', ':prefix': 'SESSION#' },
    });
    expect(partitionPrefix('USER#u', 'CONSENT#', { ':grantee': 'g' }).ExpressionAttributeValues).toStrictEqual({
      ':pk': 'USER#u',
      ':prefix': 'CONSENT#',
      ':grantee': 'g',
    });
  });
});

describe('Function: toPage', () => {
  it('maps each item with one argument and gives a cursor only when there is more', () => {
    // Prepare
    const seen: unknown[][] = [];
    const toItem = (...args: unknown[]) => (seen.push(args), (args[0] as { id: string }).id);

    // Act
    const last = toPage({ Items: [{ id: 'a' }, { id: 'b' }] }, toItem);
    const more = toPage({ Items: [{ id: 'a' }], LastEvaluatedKey: { pk: 'USER#u', sk: 'SESSION#a' } }, toItem);
    const none = toPage({}, toItem);

    // Assess
    expect(last).toStrictEqual({ items: ['a', 'b'] });
    expect(more).toStrictEqual({ items: ['a'], nextCursor: encodeCursor({ pk: 'USER#u', sk: 'SESSION#a' }) });
    expect(none).toStrictEqual({ items: [] });
    expect(seen.every((args) => args.length === 1)).toBe(true);
  });
});

describe('Function: queryPage', () => {
  const query = { TableName: 't', ...partitionPrefix('USER#u', 'SESSION#'), ScanIndexForward: false };

  it('queries with the page limit and no start key on the first page', async () => {
    // Prepare
    const { client, sent } = fakeClient(() => ({ Items: [{ pk: 'USER#u', sk: 'SESSION#b', id: 'b' }], LastEvaluatedKey: { pk: 'USER#u', sk: 'SESSION#b' } }));

    // Act
    const page = await queryPage(client, query, { limit: 1 }, { pk: 'USER#u' }, withoutKeys);

    // Assess
    expect(sent[0]!.command).toBeInstanceOf(QueryCommand);
    expect(sent[0]!.input).toStrictEqual({ ...query, Limit: 1, ExclusiveStartKey: undefined });
    expect(page.items).toStrictEqual([{ id: 'b' }]);
    expect(page.nextCursor).toBeTypeOf('string');
  });

  it('resumes from the cursor it handed out', async () => {
    // Prepare
    const start = { pk: 'USER#u', sk: 'SESSION#b' };
    const { client, sent } = fakeClient(() => ({ Items: [] }));

    // Act
    const page = await queryPage(client, query, { limit: 5, cursor: encodeCursor(start)! }, { pk: 'USER#u' }, withoutKeys);

    // Assess
    expect(sent[0]!.input['ExclusiveStartKey']).toStrictEqual(start);
    expect(sent[0]!.input['Limit']).toBe(5);
    expect(page).toStrictEqual({ items: [] });
  });

  it.each([
    ['made for another partition', encodeCursor({ pk: 'USER#other', sk: 'SESSION#b' })!],
    ['not base64url JSON', '%%%'],
    ['a JSON array', Buffer.from('[1]').toString('base64url')],
  ])('refuses a cursor %s, before any query', async (_why, cursor) => {
    // Prepare
    const { client, sent } = fakeClient(() => ({ Items: [] }));

    // Act, Assess
    await expect(queryPage(client, query, { limit: 5, cursor }, { pk: 'USER#u' }, withoutKeys)).rejects.toBeInstanceOf(ValidationError);
    expect(sent).toHaveLength(0);
  });
});

describe('Function: queryAll', () => {
  it('follows LastEvaluatedKey to the last page and returns every item in order', async () => {
    // Prepare
    const pages = [{ Items: [{ n: 1 }, { n: 2 }], LastEvaluatedKey: { pk: 'a' } }, { Items: [], LastEvaluatedKey: { pk: 'b' } }, { Items: [{ n: 3 }] }];
    const { client, sent } = fakeClient((_input, call) => pages[call - 1]);

    // Act
    const items = await queryAll(client, {
      TableName: 't',
      IndexName: 'byUser',
      KeyConditionExpression: 'userId = :user',
      ExpressionAttributeValues: { ':user': 'u' },
    });

    // Assess
    expect(items).toStrictEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(sent.map(({ input }) => input['ExclusiveStartKey'])).toStrictEqual([undefined, { pk: 'a' }, { pk: 'b' }]);
    expect('ExclusiveStartKey' in sent[0]!.input).toBe(false);
  });
});
