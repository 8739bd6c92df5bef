import { describe, expect, it } from 'vitest';
import { describeCall } from '../helpers/fault-proxy';
import { faultSchedule } from '../helpers/fault-schedule';

/** The fault tier's own helpers (test/helpers/fault-schedule.ts, fault-proxy.ts): a wrong schedule would prove nothing. */
describe('Function: faultSchedule', () => {
  it('fires on the next N matching calls after skipping some, and only on matching ones', () => {
    // Prepare
    const schedule = faultSchedule();
    schedule.inject({ fault: 'throttle', operation: 'PutItem', resource: 'audit', skip: 1, window: { next: 2 } });

    // Act
    const fired = [
      schedule.decide('PutItem', ['audit']),
      schedule.decide('GetItem', ['audit']),
      schedule.decide('PutItem', ['records']),
      schedule.decide('PutItem', ['audit']),
      schedule.decide('PutItem', ['audit']),
      schedule.decide('PutItem', ['audit']),
    ].map((rule) => rule?.fault);

    // Assess
    expect(fired).toEqual([undefined, undefined, undefined, 'throttle', 'throttle', undefined]);
    expect(schedule.seen.filter((call) => call.fault !== undefined)).toHaveLength(2);
  });

  it('fires on every k-th call', () => {
    // Prepare
    const schedule = faultSchedule();
    schedule.inject({ fault: 'drop', window: { every: 3 } });

    // Act
    const fired = Array.from({ length: 7 }, () => schedule.decide('SendMessage', ['q'])?.fault);

    // Assess
    expect(fired).toEqual([undefined, undefined, 'drop', undefined, undefined, 'drop', undefined]);
  });

  it('fires for a while, then not, and not at all once cleared', () => {
    // Prepare
    let now = 1_000;
    const schedule = faultSchedule(() => now);
    schedule.inject({ fault: 'server_error', window: { forMs: 500 } });

    // Act
    const during = schedule.decide('Query', ['t'])?.fault;
    now = 1_600;
    const after = schedule.decide('Query', ['t'])?.fault;
    schedule.inject({ fault: 'timeout', window: { forMs: 500 } });
    schedule.clear();
    const cleared = schedule.decide('Query', ['t'])?.fault;

    // Assess
    expect([during, after, cleared]).toEqual(['server_error', undefined, undefined]);
  });
});

describe('Function: describeCall', () => {
  it('reads the operation and table of a DynamoDB call, and every table of a batch', () => {
    expect(describeCall('dynamodb', { 'x-amz-target': 'DynamoDB_20120810.PutItem' }, JSON.stringify({ TableName: 'carebow-local-audit' }))).toEqual({
      operation: 'PutItem',
      resources: ['carebow-local-audit'],
    });
    expect(describeCall('dynamodb', { 'x-amz-target': 'DynamoDB_20120810.BatchGetItem' }, JSON.stringify({ RequestItems: { a: {}, b: {} } }))).toEqual({
      operation: 'BatchGetItem',
      resources: ['a', 'b'],
    });
  });

  it('reads the operation and queue of an SQS call in the JSON protocol and in the query protocol', () => {
    const url = 'http://127.0.0.1:1/000000000000/carebow-local-triage';
    expect(describeCall('sqs', { 'x-amz-target': 'AmazonSQS.SendMessage' }, JSON.stringify({ QueueUrl: url }))).toEqual({
      operation: 'SendMessage',
      resources: ['carebow-local-triage'],
    });
    expect(describeCall('sqs', {}, new URLSearchParams({ Action: 'DeleteMessage', QueueUrl: url }).toString())).toEqual({
      operation: 'DeleteMessage',
      resources: ['carebow-local-triage'],
    });
  });
});
