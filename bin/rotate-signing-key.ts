import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAuditLog } from '../shared/adapters/aws/dynamo-audit-log';
import { DynamoSigningKeyRing } from '../shared/adapters/aws/dynamo-signing-key-ring';
import { describeStep } from '../shared/domain/signing-key-ring';
import type { Operator } from '../shared/identity/manage-roles';
import type { SigningKeyService } from '../shared/identity/ports';
import { rotateSigningKey, type RotationOutcome } from '../shared/identity/rotate-signing-key';

/** Where `npm run admin -- rotate-signing-key` works: the stage's tables and its key service. */
export interface SigningKeyTarget {
  readonly keysTable: string;
  readonly auditTable: string;
  readonly signingKeys: () => SigningKeyService;
  /** The key that signs before the first rotation. */
  readonly configuredSigningKey: string;
}

/**
 * `npm run admin -- rotate-signing-key [--continue]` (ADR 0013): without `--continue` it starts a rotation
 * (a next key, published, not signing yet); with it, it makes the phase that is due (switch, then retire)
 * or says when it will be. Prints what it did and what to run next; returns the outcome.
 */
export const runRotateSigningKey = async (
  client: DynamoDBDocumentClient,
  target: SigningKeyTarget,
  mode: 'start' | 'continue',
  operator: Operator,
): Promise<RotationOutcome> => {
  const result = await rotateSigningKey(
    {
      ring: new DynamoSigningKeyRing(client, target.keysTable),
      keys: target.signingKeys(),
      audit: new DynamoAuditLog(client, target.auditTable),
      clock: { now: () => new Date() },
      configuredKeyRef: target.configuredSigningKey,
    },
    mode,
    operator,
  );
  console.log(messageOf(result));
  return result;
};

const messageOf = ({ outcome, step, ring }: RotationOutcome): string => {
  const active = ring.keys.find((key) => key.state === 'active')!.kid;
  switch (outcome) {
    case 'started': {
      const next = ring.keys.find((key) => key.state === 'next')!.kid;
      return `Published the next signing key ${next} (the JWKS now lists it beside ${active}, which still signs).\nRun \`rotate-signing-key --continue\` to switch signing to it; that is safe in a few minutes, and the command says when.`;
    }
    case 'switched':
      return `Access tokens are now signed with ${active}; the old key stays published until its tokens expire.\nRun \`rotate-signing-key --continue\` again to retire it; the command says when that is safe.`;
    case 'retired':
      return `Retired ${step.kind === 'retire' ? step.kid : ''}: it is no longer published, and its tokens are refused (a key this command made is also disposed of). The rotation is complete; ${active} signs.`;
    case 'waiting':
      return `Not yet: ${describeStep(step)}. Run \`rotate-signing-key --continue\` then; nothing was changed.`;
    case 'in_progress':
      return `A rotation is in progress (${describeStep(step)}). Run \`rotate-signing-key --continue\` to go on; nothing was changed.`;
    case 'idle':
      return `No rotation is in progress; ${active} signs. Run \`rotate-signing-key\` to start one.`;
  }
};
