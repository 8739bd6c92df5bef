/**
 * The KMS encryption context every per-user data key is bound to. The key policy and IAM allow
 * the wrapping key only with this `purpose`, and a key made for one user cannot be unwrapped for
 * another. Shared by the KMS adapter, the local keyring and the CDK key policy.
 */
export const DATA_KEY_PURPOSE = 'carebow-phi';

export const dataKeyContext = (userId: string) => ({ purpose: DATA_KEY_PURPOSE, userId });
