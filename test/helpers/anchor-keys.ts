import type { TestBackend } from './test-backend';

/**
 * Where an anchor run a test starts writes its digests, and which key signs them: where the backend's verify route
 * reads them. The local files and key by default; the S3 and KMS stand-ins under `CAREBOW_KEYS=kms-standin`.
 *
 * @example
 * await anchorAudit(anchorDeps({ CAREBOW_STAGE: 'local', AUDIT_TABLE, ...anchorKeysOf(backend) }, { metrics }), { stage: 'local' });
 */
export const anchorKeysOf = (backend: TestBackend) =>
  backend.keyStandIns ? backend.keyStandIns.anchor : { KEY_PROVIDER: 'local' as const, CAREBOW_DATA_DIR: backend.dataDir };
