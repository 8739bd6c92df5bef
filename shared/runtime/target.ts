/**
 * What the bundler defines in every Lambda bundle (lib/function-bundles.ts, scripts/bundle.ts): it
 * replaces `process.env.CAREBOW_LAMBDA_BUNDLE` with `"true"`, so a choice written as
 * `process.env.CAREBOW_LAMBDA_BUNDLE === 'true' || … ? aws : local` folds at build time and the
 * local stand-ins (file keyring, local token signer) are dropped from what ships: a mis-set
 * variable cannot select them in AWS, and they cost no bytes there. Unbundled (npm start, tests)
 * the variable is unset. Written inline at each use: esbuild folds a defined expression in place,
 * not through a function call.
 */
export const LAMBDA_BUNDLE_DEFINE = { 'process.env.CAREBOW_LAMBDA_BUNDLE': '"true"' } as const;
