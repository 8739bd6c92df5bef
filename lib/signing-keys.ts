import { Aws } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SIGNING_KEY_RING_TAG } from '../shared/adapters/aws/kms-signing-keys';
import { SIGNING_KEY_RING } from '../shared/data/keys';
import { acknowledge } from './nag';

/**
 * What a function needs to sign with, or publish, the token-signing key ring (ADR 0013):
 * - both read the ring, one item of the keys table: GetItem only, on its key only (`dynamodb:LeadingKeys`), and the
 *   table key's Decrypt;
 * - `sign` also signs with a key the operator CLI made after deployment. Such a key cannot be granted by ARN, so
 *   `kms:Sign` holds on the account's keys only where the key carries the tag `carebow:signing-key-ring` = this
 *   stage's keys table name. The stack's own signing key keeps its grant by ARN (`grantDeclared`).
 *
 * @example
 * grantSigningKeyRing(fn, 'sign', tables.keys);
 */
export const grantSigningKeyRing = (fn: lambda.IFunction, level: 'sign' | 'publicKey', keysTable: dynamodb.ITableV2): void => {
  iam.Grant.addToPrincipal({
    grantee: fn,
    actions: ['dynamodb:GetItem'],
    resourceArns: [keysTable.tableArn],
    conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [SIGNING_KEY_RING] } },
  });
  keysTable.encryptionKey?.grant(fn, 'kms:Decrypt');
  if (level !== 'sign') return;
  iam.Grant.addToPrincipal({
    grantee: fn,
    actions: ['kms:Sign'],
    // From pseudo parameters, so it reads the same in every stage and in an area's nested stack (and in lib/nag.ts).
    resourceArns: [`arn:${Aws.PARTITION}:kms:${Aws.REGION}:${Aws.ACCOUNT_ID}:key/*`],
    conditions: { StringEquals: { [`aws:ResourceTag/${SIGNING_KEY_RING_TAG}`]: keysTable.tableName } },
  });
  acknowledge(fn.role!, 'signingKeyRingByTag');
};
