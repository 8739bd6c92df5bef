/** The fields of Lambda's X-Ray trace header (`Root=1-…;Parent=…;Sampled=1`). */
export interface TraceHeader {
  readonly root?: string;
  readonly parent?: string;
  readonly sampled: boolean;
}

/**
 * The current invocation's X-Ray trace header, or `undefined` outside Lambda (or untraced). Lambda keeps it in its
 * invoke store when invocations run concurrently, else in `_X_AMZN_TRACE_ID`, set anew for each invocation.
 *
 * @example
 * const trace = traceHeader(); // { root: '1-5759e988-bd862e3fe1be46a994272793', parent: '53995c3f42cd8ad8', sampled: true }
 */
export const traceHeader = (): TraceHeader | undefined => {
  const raw =
    (globalThis as { awslambda?: { InvokeStore?: { getXRayTraceId?: () => string | undefined } } }).awslambda?.InvokeStore?.getXRayTraceId?.() ??
    process.env._X_AMZN_TRACE_ID;
  if (!raw) return undefined;
  const fields = new Map(raw.split(';').map((part): [string, string | undefined] => [part.split('=')[0]!, part.split('=')[1]]));
  const root = fields.get('Root');
  const parent = fields.get('Parent');
  return { ...(root ? { root } : {}), ...(parent ? { parent } : {}), sampled: fields.get('Sampled') === '1' };
};
