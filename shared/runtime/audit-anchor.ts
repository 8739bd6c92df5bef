import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAnchorHeads } from '../adapters/aws/dynamo-anchor-heads';
import { DynamoAuditTrail } from '../adapters/aws/dynamo-audit-trail';
import { createDocumentClient } from '../adapters/aws/dynamo-client';
import { EmfAnchorMetrics, EmfMetrics } from '../adapters/aws/emf-metrics';
import { KmsDigestSigner } from '../adapters/aws/kms-digest-signer';
import { S3DigestStore } from '../adapters/aws/s3-digest-store';
import { FileDigestStore } from '../adapters/local/file-digest-store';
import { LocalDigestSigner } from '../adapters/local/local-digest-signer';
import type { AnchorDeps } from '../audit/anchor';
import type { AnchorMetrics } from '../audit/anchor-ports';
import type { AnchoredVerifyDeps } from '../audit/anchored-verify';
import { STAGES } from '../config';
import { envSchema, oneOf, optional, readConfig, text, url, type ConfigOf } from '../env-schema';
import type { Clock } from '../domain/clock';
import type { MetricService } from '../metric-catalog';

/**
 * The composition of audit anchoring (ADR 0014): the anchor worker, `npm start`'s timer and the admin CLI build
 * their ports here. In AWS the digests go to S3 and are signed by the anchor's KMS key; locally (`KEY_PROVIDER=local`)
 * to `<dataDir>/audit-digests/`, signed by a key in `<dataDir>/keys/`. Lambda bundles fold the local choice away.
 */
export const anchorConfigSchema = /* @__PURE__ */ envSchema(
  {
    CAREBOW_STAGE: oneOf(STAGES),
    AUDIT_TABLE: text({ min: 3 }),
    DYNAMODB_ENDPOINT: optional(url()),
    KEY_PROVIDER: oneOf(['kms', 'local']),
    CAREBOW_DATA_DIR: optional(text()),
    /** The Object Lock bucket of the digests (lib/audit-anchor.ts). */
    AUDIT_DIGEST_BUCKET: optional(text({ min: 3 })),
    /** The anchor's KMS key (ECC_NIST_P256, SIGN_VERIFY). */
    AUDIT_ANCHOR_KEY_ID: optional(text()),
  },
  (c, problem) => {
    if (c.KEY_PROVIDER === 'local' ? c.CAREBOW_DATA_DIR === undefined : c.AUDIT_DIGEST_BUCKET === undefined || c.AUDIT_ANCHOR_KEY_ID === undefined)
      problem('KEY_PROVIDER', 'local needs CAREBOW_DATA_DIR; kms needs AUDIT_DIGEST_BUCKET and AUDIT_ANCHOR_KEY_ID');
  },
);
export type AnchorConfig = ConfigOf<typeof anchorConfigSchema>;

/** Metrics where there is no CloudWatch (npm start, the CLI on a laptop): nothing. */
export const noAnchorMetrics: AnchorMetrics = { digestWritten: () => undefined, verified: () => undefined };

/** Where digests go and who signs them, for `config`; built from explicit values so the CLI and tests can use it too. */
export const digestPorts = (
  config: Pick<AnchorConfig, 'CAREBOW_STAGE' | 'KEY_PROVIDER' | 'CAREBOW_DATA_DIR' | 'AUDIT_DIGEST_BUCKET' | 'AUDIT_ANCHOR_KEY_ID'>,
) =>
  process.env.CAREBOW_LAMBDA_BUNDLE === 'true' || config.KEY_PROVIDER === 'kms'
    ? { digests: new S3DigestStore(config.AUDIT_DIGEST_BUCKET!, config.CAREBOW_STAGE), signer: new KmsDigestSigner(config.AUDIT_ANCHOR_KEY_ID!) }
    : { digests: new FileDigestStore(config.CAREBOW_DATA_DIR!, config.CAREBOW_STAGE), signer: new LocalDigestSigner(config.CAREBOW_DATA_DIR!) };

/**
 * Every port of an anchor run.
 *
 * @example
 * await anchorAudit(anchorDeps(readConfig(anchorConfigSchema), { metrics: new EmfAnchorMetrics() }), { stage });
 */
export const anchorDeps = (
  config: AnchorConfig,
  options: { readonly metrics: AnchorMetrics; readonly client?: DynamoDBDocumentClient; readonly clock?: Clock },
): AnchorDeps & AnchoredVerifyDeps => {
  const client = options.client ?? createDocumentClient({ endpoint: config.DYNAMODB_ENDPOINT });
  return {
    heads: new DynamoAnchorHeads(client, config.AUDIT_TABLE),
    auditTrail: new DynamoAuditTrail(client, config.AUDIT_TABLE),
    ...digestPorts(config),
    metrics: options.metrics,
    clock: options.clock ?? { now: () => new Date() },
  };
};

/** The anchor worker's ports, from its environment (read once per cold start), with EMF metrics under `service`. */
export const anchorWorkerDeps = (service: MetricService) => {
  const config = readConfig(anchorConfigSchema);
  return { config, deps: anchorDeps(config, { metrics: new EmfAnchorMetrics(new EmfMetrics(service)) }) };
};
