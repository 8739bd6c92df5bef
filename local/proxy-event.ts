import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';

export interface IncomingRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly sourceIp: string;
}

const single = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : String(value ?? '')]));

const multi = (headers: IncomingHttpHeaders): Record<string, string[]> =>
  Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, Array.isArray(value) ? value : [String(value ?? '')]]));

/** Builds the API Gateway REST (v1) proxy event that API Gateway would send for `request`. */
export const toProxyEvent = (
  request: IncomingRequest,
  resourcePath: string,
  pathParameters: Record<string, string> | null,
  authorizer: Record<string, string> | null,
): APIGatewayProxyEvent => {
  const query = [...request.url.searchParams.keys()];
  return {
    resource: resourcePath,
    path: request.url.pathname,
    httpMethod: request.method,
    headers: single(request.headers),
    multiValueHeaders: multi(request.headers),
    queryStringParameters: query.length === 0 ? null : Object.fromEntries(request.url.searchParams.entries()),
    multiValueQueryStringParameters: query.length === 0 ? null : Object.fromEntries(query.map((key) => [key, request.url.searchParams.getAll(key)])),
    pathParameters,
    stageVariables: null,
    body: request.body.length === 0 ? null : request.body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer,
      protocol: 'HTTP/1.1',
      httpMethod: request.method,
      path: `/local${request.url.pathname}`,
      stage: 'local',
      requestId: randomUUID(),
      requestTimeEpoch: Date.now(),
      resourceId: 'local',
      resourcePath,
      identity: {
        sourceIp: request.sourceIp,
        userAgent: single(request.headers)['user-agent'] ?? null,
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        user: null,
        userArn: null,
      },
    },
  };
};

/** A Lambda context good enough for middy and Powertools: name, request id and a time budget. */
export const lambdaContext = (functionName: string, timeoutMs = 10_000): Context => {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};
