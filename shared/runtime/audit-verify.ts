import { EmfAnchorMetrics, EmfMetrics } from '../adapters/aws/emf-metrics';
import type { AnchoredVerifyDeps } from '../audit/anchored-verify';
import { readConfig } from '../config';
import * as z from '../zod';
import { digestPorts } from './audit-anchor';
import { keysConfig } from './composition';

/** The digests' bucket and the anchor key, as `Api.grantAuditDigests` hands them to the verify route (absent locally). */
const digestEnvSchema = /* @__PURE__ */ z
  .object({
    KEY_PROVIDER: z.enum(['kms', 'local']),
    AUDIT_DIGEST_BUCKET: z.optional(z.string().check(z.minLength(3), z.maxLength(63))),
    AUDIT_ANCHOR_KEY_ID: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
  })
  .check(
    // A deployed route without them would fail on every request instead of at cold start.
    /* @__PURE__ */ z.refine(
      (c) => c.KEY_PROVIDER === 'local' || (c.AUDIT_DIGEST_BUCKET !== undefined && c.AUDIT_ANCHOR_KEY_ID !== undefined),
      'KEY_PROVIDER=kms needs AUDIT_DIGEST_BUCKET and AUDIT_ANCHOR_KEY_ID',
    ),
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
