import type { AuditLog } from '../audit/ports';
import type { Clock } from '../domain/clock';
import {
  applyRotationStep,
  initialRing,
  nextRotationStep,
  ROTATION_TIMINGS,
  SigningKeyRingError,
  type RotationStep,
  type RotationTimings,
  type SigningKeyRing,
} from '../domain/signing-key-ring';
import type { Operator } from './manage-roles';
import type { SigningKeyRingStore, SigningKeyService } from './ports';

export interface RotateSigningKeyDeps {
  readonly ring: SigningKeyRingStore;
  readonly keys: SigningKeyService;
  readonly audit: AuditLog;
  readonly clock: Clock;
  /** The key that signs before the first rotation (TOKEN_SIGNING_KEY_ID, or the local keyring's). */
  readonly configuredKeyRef: string;
  /** @default ROTATION_TIMINGS */
  readonly timings?: RotationTimings;
}

/**
 * What a run did: `started` (a next key is published), `switched` (the next key signs), `retired` (the old
 * key is unpublished and disposed of); or nothing: `waiting` (the due step is not safe yet, `step.until`
 * says when), `in_progress` (a start while a rotation runs), `idle` (a continue with none running).
 */
export interface RotationOutcome {
  readonly outcome: 'started' | 'switched' | 'retired' | 'waiting' | 'in_progress' | 'idle';
  /** The step that was due when the run began. */
  readonly step: RotationStep;
  readonly ring: SigningKeyRing;
}

/** The audit subject of key-ring events: they concern no user. */
export const SIGNING_KEYS_SUBJECT = 'system:signing-keys';

/**
 * Runs one phase of a signing-key rotation (ADR 0013). `start` creates and publishes the next key; `continue`
 * switches signing to it once every JWKS reader has seen it, then (a later run) retires the old key once no
 * token it signed can be valid. Each transition is one conditional write of the ring and one audit event
 * (a failed append undoes the write); a run that finds its step not due changes nothing, so it is safe to repeat.
 *
 * @example
 * const { outcome, step } = await rotateSigningKey(deps, 'continue', operator); // 'waiting', step.until
 */
export const rotateSigningKey = async (deps: RotateSigningKeyDeps, mode: 'start' | 'continue', operator: Operator): Promise<RotationOutcome> => {
  const timings = deps.timings ?? ROTATION_TIMINGS;
  const now = deps.clock.now();
  const stored = await deps.ring.get();
  const ring = stored ?? initialRing(await configuredKey(deps), now);
  const step = nextRotationStep(ring, now, timings);

  if (mode === 'start' && step.kind !== 'start') return { outcome: 'in_progress', step, ring };
  if (mode === 'continue' && step.kind === 'start') return { outcome: 'idle', step, ring };
  if (step.kind === 'wait') return { outcome: 'waiting', step, ring };

  let next: SigningKeyRing;
  let undoKey: (() => Promise<void>) | undefined;
  if (step.kind === 'start') {
    const created = await deps.keys.create();
    undoKey = () => deps.keys.dispose(created.keyRef);
    next = applyRotationStep(ring, step, now, timings, { kid: created.jwk.kid, keyRef: created.keyRef, jwk: created.jwk });
  } else {
    // Retire disposes of the key first: if the write then fails, a re-run finds it still retiring and disposes again.
    if (step.kind === 'retire') await deps.keys.dispose(ring.keys.find((key) => key.kid === step.kid)!.keyRef);
    next = applyRotationStep(ring, step, now, timings);
  }
  if (!(await deps.ring.put(next))) {
    await undoKey?.();
    throw new SigningKeyRingError('Another rotation changed the signing-key ring meanwhile; run the command again.', 'in_progress');
  }
  const outcome = step.kind === 'start' ? 'started' : step.kind === 'switch' ? 'switched' : 'retired';
  try {
    await deps.audit.append({
      action: `admin.signing_key_${outcome}`,
      outcome: 'success',
      subjectId: SIGNING_KEYS_SUBJECT,
      actor: { userId: operator.userId, roles: [...operator.roles] },
      resource: { type: 'signing_key', id: step.kind === 'switch' ? step.to : step.kind === 'retire' ? step.kid : next.keys.at(-1)!.kid },
      requestId: operator.requestId,
      sourceIp: operator.source,
    });
  } catch (error) {
    // Undo: an unaudited transition must not stand. Put the previous keys back as a newer version.
    if (await deps.ring.put({ version: next.version + 1, keys: ring.keys })) await undoKey?.();
    throw error;
  }
  return { outcome, step, ring: next };
};

const configuredKey = async (deps: RotateSigningKeyDeps) => {
  const jwk = await deps.keys.publicJwk(deps.configuredKeyRef);
  return { kid: jwk.kid, keyRef: deps.configuredKeyRef, jwk };
};
