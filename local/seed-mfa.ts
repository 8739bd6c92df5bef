import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDataKeyReader } from '../shared/adapters/aws/dynamo-data-key-repository';
import { DynamoMfa } from '../shared/adapters/aws/dynamo-mfa';
import { LocalDataKeyService } from '../shared/adapters/local/local-data-keys';
import type { AuditLog } from '../shared/audit/ports';
import { base32Decode, hotp, otpauthUri, totpStep } from '../shared/domain/totp';
import { mfaSecretPlace } from '../shared/identity/mfa-codes';
import { SealingVault } from '../shared/vault/vault';
import { localTableName } from './stand-ins';

/**
 * MFA for the demo accounts (`npm run seed`): every demo account whose role requires MFA
 * (docs/adr/0015-mfa.md) is enrolled with this one TOTP secret, so a frontend developer can log in
 * as any of them with one authenticator entry. LOCAL DEMO DATA ONLY: the secret is public.
 */
export const DEMO_TOTP_SECRET = 'CAREBOWLOCALDEMOMFASECRETONLY234';

/** The `otpauth://` URI of the demo secret, for an authenticator app's QR code or link. */
export const demoOtpauthUri = (): string => otpauthUri('CareBow (local demo)', 'demo accounts', DEMO_TOTP_SECRET);

/** The demo secret's code `offset` steps from now. */
export const demoCode = (offset = 0): string => hotp(base32Decode(DEMO_TOTP_SECRET), totpStep(Date.now() / 1000) + offset);

/**
 * Enrols `userId` with the demo secret, sealed under its data key, straight into storage (as the
 * seed grants roles), unless it has MFA already; audited like a confirmation, by the operator.
 * No recovery codes: the secret is public anyway.
 */
export const enrolDemoMfa = async (
  client: DynamoDBDocumentClient,
  dataDir: string,
  audit: AuditLog,
  userId: string,
  operator: { readonly userId: string; readonly roles: readonly string[]; readonly requestId: string; readonly source: string },
): Promise<boolean> => {
  const mfa = new DynamoMfa(client, localTableName('identity'));
  if ((await mfa.get(userId))?.status === 'active') return false;
  const vault = new SealingVault(new DynamoDataKeyReader(client, localTableName('keys')), new LocalDataKeyService(dataDir));
  const sealed = await vault.seal(mfaSecretPlace(userId), DEMO_TOTP_SECRET);
  if (!(await mfa.putPending(userId, sealed, new Date().toISOString()))) return false;
  // Step 0: any code of today is newer, so the first demo login works at once.
  if (!(await mfa.activate(userId, sealed, 0, []))) return false;
  await audit.append({
    action: 'mfa.activate',
    outcome: 'success',
    subjectId: userId,
    actor: { userId: operator.userId, roles: [...operator.roles] },
    resource: { type: 'account', id: userId },
    reason: 'demo_seed',
    requestId: operator.requestId,
    sourceIp: operator.source,
  });
  return true;
};
