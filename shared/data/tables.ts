/**
 * Table specs: the one description of every DynamoDB table, read by the CDK data construct
 * (`lib/data.ts`) and by the local runtime that creates the same tables in dynalite.
 * Keys are generic (`pk`, `sk`) so one table can hold the few item kinds of one concern.
 */
export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N';
}

export interface TableSpec {
  /** Environment variable that carries the table name into a function. */
  readonly envVar: 'IDENTITY_TABLE' | 'SESSIONS_TABLE' | 'AUDIT_TABLE';
  /** What the table is for; becomes the CDK construct's description. */
  readonly purpose: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  /** Epoch-seconds attribute DynamoDB expires items by (dynalite ignores it; code checks expiry itself). */
  readonly timeToLiveAttribute?: string;
}

export const TABLES = {
  identity: {
    envVar: 'IDENTITY_TABLE',
    purpose: 'Users (USER#id), e-mail claims by blind index (EMAIL#hmac), login throttles (LOGIN#hmac)',
    partitionKey: { name: 'pk', type: 'S' },
    timeToLiveAttribute: 'expiresAt',
  },
  sessions: {
    envVar: 'SESSIONS_TABLE',
    purpose: 'Refresh-token families (FAMILY#id): current token hash, generation, revocation',
    partitionKey: { name: 'pk', type: 'S' },
    timeToLiveAttribute: 'expiresAt',
  },
  audit: {
    envVar: 'AUDIT_TABLE',
    purpose: 'Append-only audit events, partitioned by data subject',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
  },
} as const satisfies Record<string, TableSpec>;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
