import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { listenOnLoopback } from './loopback';

/**
 * An S3 stand-in for the audit digests (ADR 0014), in S3's REST-XML protocol with path-style addresses (what the SDK
 * uses for an IP endpoint), for the real `@aws-sdk/client-s3` through `AWS_ENDPOINT_URL_S3`: ListObjectsV2 (prefix,
 * max-keys, keys in byte order), GetObject (`404 NoSuchKey`), PutObject (`If-None-Match: *` → `412` on an existing key,
 * the `x-amz-checksum-sha256` checked). Objects are never deleted or replaced, as under Object Lock in compliance mode;
 * anything else is `501 NotImplemented`. The buckets it serves are named at start; with a `dir` their objects persist
 * there (one file per object), else in memory.
 */
export interface S3StandIn {
  readonly endpoint: string;
  /** Every operation received, e.g. `['PutObject', 'ListObjectsV2']`. */
  readonly calls: string[];
  close(): Promise<void>;
}

const MAX_OBJECT_BYTES = 1024 * 1024;
const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

const xmlError = (response: ServerResponse, status: number, code: string, message: string): void => {
  const body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`;
  response.writeHead(status, { 'content-type': 'application/xml' });
  response.end(body);
};

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_OBJECT_BYTES) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

/** `aws-chunked` bodies (a streamed upload with a trailing checksum): the data chunks, and the trailer's headers. */
const decodeAwsChunked = (raw: Buffer): { data: Buffer; trailers: Record<string, string> } => {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', offset);
    const size = Number.parseInt(raw.subarray(offset, lineEnd).toString('latin1').split(';')[0]!, 16);
    offset = lineEnd + 2;
    if (size === 0) break;
    parts.push(raw.subarray(offset, offset + size));
    offset += size + 2;
  }
  const trailers: Record<string, string> = {};
  for (const line of raw.subarray(offset).toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { data: Buffer.concat(parts), trailers };
};

/**
 * Starts the S3 stand-in on 127.0.0.1 (a free port), serving `buckets`.
 *
 * @example
 * const s3 = await startS3StandIn(['carebow-local-audit-digests']);
 * process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
 */
export const startS3StandIn = async (buckets: readonly string[], dir?: string): Promise<S3StandIn> => {
  const objects = new Map<string, Map<string, Buffer>>(buckets.map((bucket) => [bucket, new Map()]));
  const bucketDir = (bucket: string): string => join(dir!, bucket);
  for (const [bucket, stored] of objects) {
    if (dir === undefined) continue;
    mkdirSync(bucketDir(bucket), { recursive: true, mode: 0o700 });
    for (const file of readdirSync(bucketDir(bucket))) stored.set(decodeURIComponent(file), readFileSync(join(bucketDir(bucket), file)));
  }
  const calls: string[] = [];

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://s3.local');
      const [, bucketName = '', ...keyParts] = url.pathname.split('/');
      const bucket = objects.get(decodeURIComponent(bucketName));
      const key = decodeURIComponent(keyParts.join('/'));
      const raw = await readBody(request);
      if (!String(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 '))
        return xmlError(response, 403, 'AccessDenied', 'The request is not signed');
      if (bucket === undefined) return xmlError(response, 404, 'NoSuchBucket', 'The specified bucket does not exist');
      if (request.method === 'GET' && key === '' && url.searchParams.get('list-type') === '2') {
        calls.push('ListObjectsV2');
        const prefix = url.searchParams.get('prefix') ?? '';
        const maxKeys = Math.min(Number(url.searchParams.get('max-keys') ?? 1000), 1000);
        const keys = [...bucket.keys()].filter((candidate) => candidate.startsWith(prefix)).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
        const page = keys.slice(0, maxKeys);
        const contents = page.map(
          (k) => `<Contents><Key>${escapeXml(k)}</Key><Size>${bucket.get(k)!.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
        );
        const body = `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${escapeXml(bucketName)}</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${keys.length > page.length}</IsTruncated>${contents.join('')}</ListBucketResult>`;
        response.writeHead(200, { 'content-type': 'application/xml' });
        return response.end(body);
      }
      if (request.method === 'GET' && key !== '') {
        calls.push('GetObject');
        const object = bucket.get(key);
        if (object === undefined) return xmlError(response, 404, 'NoSuchKey', 'The specified key does not exist.');
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': object.length });
        return response.end(object);
      }
      if (request.method === 'PUT' && key !== '' && [...url.searchParams.keys()].every((name) => name === 'x-id')) {
        calls.push('PutObject');
        const chunked =
          String(request.headers['content-encoding'] ?? '').includes('aws-chunked') ||
          String(request.headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
        const { data, trailers } = chunked ? decodeAwsChunked(raw) : { data: raw, trailers: {} };
        const checksum = String(request.headers['x-amz-checksum-sha256'] ?? trailers['x-amz-checksum-sha256'] ?? '');
        if (checksum === '') return xmlError(response, 400, 'InvalidRequest', 'Object Lock requires a checksum (x-amz-checksum-sha256)');
        if (checksum !== createHash('sha256').update(data).digest('base64'))
          return xmlError(response, 400, 'BadDigest', 'The SHA256 you specified did not match the calculated checksum.');
        if (bucket.has(key)) {
          if (request.headers['if-none-match'] === '*')
            return xmlError(response, 412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold');
          return xmlError(response, 403, 'AccessDenied', 'Object Lock: an object is never replaced here');
        }
        if (dir !== undefined) writeFileSync(join(bucketDir(decodeURIComponent(bucketName)), encodeURIComponent(key)), data, { flag: 'wx', mode: 0o600 });
        bucket.set(key, data);
        response.writeHead(200, { etag: `"${createHash('md5').update(data).digest('hex')}"`, 'x-amz-checksum-sha256': checksum });
        return response.end();
      }
      return xmlError(response, 501, 'NotImplemented', 'The stand-in serves ListObjectsV2, GetObject and PutObject only');
    } catch {
      return xmlError(response, 500, 'InternalError', 'The stand-in failed');
    }
  });
  return { ...(await listenOnLoopback(server)), calls };
};
