import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { DigestStore, StoredDigestObject } from '../../audit/anchor-ports';
import { traced } from './xray';

/** The part of the S3 client this store uses, so a test can hand it a fake `send`. */
export type S3Sender = Pick<S3Client, 'send'>;

/**
 * Audit digests in S3 (ADR 0014): one object per digest under `<stage>/`, in a bucket with Object Lock in
 * compliance mode, so no one (root included) can delete or overwrite a digest before its retention ends. A put
 * sends `If-None-Match: *` (never replaces a key) and a SHA-256 checksum (Object Lock requires one). Keys sort
 * newest first, so the newest digest is the first key a listing returns.
 */
export class S3DigestStore implements DigestStore {
  public constructor(
    private readonly bucket: string,
    private readonly stage: string,
    private readonly s3: S3Sender = traced(new S3Client({})),
  ) {}

  public async latest(): Promise<StoredDigestObject | undefined> {
    const { Contents } = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${this.stage}/`, MaxKeys: 1 }));
    const key = Contents?.[0]?.Key;
    return key === undefined ? undefined : this.get(key);
  }

  public async get(key: string): Promise<StoredDigestObject | undefined> {
    try {
      const { Body } = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (Body === undefined) return undefined;
      return { key, body: await Body.transformToString('utf8') };
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  public async put(object: StoredDigestObject): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: object.key,
        Body: object.body,
        ContentType: 'application/json',
        IfNoneMatch: '*',
        ChecksumAlgorithm: 'SHA256',
      }),
    );
  }
}
