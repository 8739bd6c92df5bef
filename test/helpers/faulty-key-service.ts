import type { DataKeyService } from '../../shared/vault/ports';
import { faultSchedule, type FaultKind, type FaultSchedule } from './fault-schedule';

/**
 * A fault mode for the key service: a decorator around the vault's `DataKeyService` port that fails its
 * `generate` and `unwrap` calls as `keyFaults` schedules, with the errors the KMS adapter lets through once the
 * SDK's retries are spent (a KMS stand-in over HTTP is another suite's). Installed in a test file with
 * `vi.mock('../../shared/runtime/keys', …)` around `dataKeyServiceFor`.
 */

/** The schedule every decorated key service of this test worker reads. */
export const keyFaults: FaultSchedule = faultSchedule();

/** What the SDK throws for KMS, by fault kind (its name, `$fault` and status as the KMS client sets them). */
const kmsError = (fault: Exclude<FaultKind, 'slow'>): Error => {
  const shapes = {
    throttle: { name: 'ThrottlingException', $fault: 'client', status: 400, message: 'Rate exceeded' },
    server_error: { name: 'KMSInternalException', $fault: 'server', status: 500, message: 'An internal error occurred.' },
    timeout: { name: 'TimeoutError', $fault: 'client', status: undefined, message: 'the request socket timed out' },
    drop: { name: 'Error', $fault: 'client', status: undefined, message: 'socket hang up' },
    // KMS calls write nothing here: an answer lost after the call looks to the client like a dropped connection.
    lost_answer: { name: 'Error', $fault: 'client', status: undefined, message: 'socket hang up' },
  } as const;
  const shape = shapes[fault];
  return Object.assign(new Error(shape.message), {
    name: shape.name,
    $fault: shape.$fault,
    $metadata: shape.status === undefined ? {} : { httpStatusCode: shape.status },
    ...(fault === 'drop' || fault === 'lost_answer' ? { code: 'ECONNRESET' } : {}),
  });
};

const apply = async (operation: 'generate' | 'unwrap'): Promise<void> => {
  const rule = keyFaults.decide(operation, []);
  if (rule === undefined) return;
  if (rule.fault === 'slow' || rule.fault === 'timeout') await new Promise((resolve) => setTimeout(resolve, rule.delayMs ?? 200));
  if (rule.fault !== 'slow') throw kmsError(rule.fault);
};

/**
 * @example
 * vi.mock('../../shared/runtime/keys', async (original) => {
 *   const keys = await original<typeof import('../../shared/runtime/keys')>();
 *   return { ...keys, dataKeyServiceFor: (config) => faultyDataKeys(keys.dataKeyServiceFor(config)) };
 * });
 */
export const faultyDataKeys = (inner: DataKeyService): DataKeyService => ({
  generate: async (userId) => {
    await apply('generate');
    return inner.generate(userId);
  },
  unwrap: async (userId, wrapped) => {
    await apply('unwrap');
    return inner.unwrap(userId, wrapped);
  },
});
