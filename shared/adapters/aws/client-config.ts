/**
 * SDK client settings: none in AWS (the function's role and region); an endpoint, a region and
 * dummy credentials for a local stand-in (dynalite and fauxqs accept any).
 */
export const clientConfig = (endpoint: string | undefined) =>
  endpoint === undefined ? {} : { endpoint, region: process.env.AWS_REGION ?? 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
