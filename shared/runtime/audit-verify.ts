import { EmfAnchorMetrics, EmfMetrics } from '../adapters/aws/emf-metrics';
import type { AnchoredVerifyDeps } from '../audit/anchored-verify';
import { envSchema, oneOf, optional, readConfig, text } from '../env-schema';
import { digestPorts } from './audit-anchor';
import { keysConfig } from './composition';

/** The digests' bucket and the anchor key, as `Api.grantAuditDigests` hands them to the verify route (absent locally). */
const digestEnvSchema = /* @__PURE__ */ envSchema(
  {
    KEY_PROVIDER: oneOf(['kms', 'local']),
    AUDIT_DIGEST_BUCKET: optional(text({ min: 3, max: 63 })),
    AUDIT_ANCHOR_KEY_ID: optional(text({ max: 2048 })),
  },
  // A deployed route without them would fail on every request instead of at cold start.
  (c, problem) => {
    if (c.KEY_PROVIDER === 'kms' && (c.AUDIT_DIGEST_BUCKET === undefined || c.AUDIT_ANCHOR_KEY_ID === undefined))
      problem('KEY_PROVIDER', 'kms needs AUDIT_DIGEST_BUCKET and AUDIT_ANCHOR_KEY_ID');
  },
);

/**
 * The verify route's read side of audit anchoring (ADR 0014): digests from S3 and the anchor key's public key from
 * KMS in AWS; locally (`KEY_PROVIDER=local`) `<dataDir>/audit-digests/<stage>/` and the local anchor key, as
 * `npm run admin -- verify-audit` reads them. Metrics go out as EMF under `carebow`.
 *
 * @example
 * const deps = { auditTrail: auditTrail(), audit: auditLog(), anchor: anchoredVerifyPorts() };
 */
export const anchoredVerifyPorts = (): Omit<AnchoredVerifyDeps, 'auditTrail'> => {
  const config = keysConfig();
  const env = readConfig(digestEnvSchema);
  return {
    ...digestPorts({ ...config, ...env }),
    metrics: new EmfAnchorMetrics(new EmfMetrics('carebow')),
  };
};
