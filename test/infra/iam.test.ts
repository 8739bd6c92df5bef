import { beforeAll, describe, expect, it } from 'vitest';
import { routes, ROUTE_IDS, type RouteId } from '../../functions/routes';
import { pascal } from '../../lib/data';
import { TABLE_NAMES } from '../../shared/data/tables';
import { asArray, logicalIdOf, referencedId, referencedIds, resourcesOfType, synthStage, type Synthesized } from './support/synth';

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/** Wildcard actions CDK grants add on a CMK; acknowledged in lib/nag.ts (`cmkGrantWildcards`). */
const ACCEPTED_PARTIAL_WILDCARDS = new Set(['kms:GenerateDataKey*', 'kms:ReEncrypt*']);
const AUDIT_MUTATIONS = ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:PartiQLUpdate', 'dynamodb:PartiQLDelete'];

describe('Construct: Api IAM', () => {
  let dev: Synthesized;
  /** Statements of each function role, by function name (`Login`, `Authorizer`, ...). */
  let statementsOf: Map<string, Statement[]>;

  beforeAll(() => {
    dev = synthStage('dev');
    statementsOf = new Map();
    const policies = resourcesOfType(dev.json, 'AWS::IAM::Policy');
    for (const name of [...ROUTE_IDS.map(pascal), 'Authorizer']) {
      const roleId = logicalIdOf(dev.stack, `Api/${name}Role`);
      const statements = policies
        .filter(([, policy]) => asArray(policy.Properties!.Roles).some((role) => referencedId(role) === roleId))
        .flatMap(([, policy]) => asArray(policy.Properties!.PolicyDocument.Statement as Statement[]));
      statementsOf.set(name, statements);
    }
  });

  const allStatements = (): [string, Statement][] => [...statementsOf].flatMap(([name, statements]) => statements.map((s): [string, Statement] => [name, s]));

  it('grants no function role a wildcard action (`*` or `service:*`)', () => {
    // Prepare
    const statements = allStatements();

    // Act
    const actions = statements.flatMap(([name, s]) => asArray(s.Action).map((action) => [name, action] as const));

    // Assess
    for (const [name, action] of actions) {
      expect(action, `${name}: ${action}`).not.toBe('*');
      expect(action, `${name}: ${action}`).not.toMatch(/^[a-z0-9-]+:\*$/);
      if (action.includes('*')) expect(ACCEPTED_PARTIAL_WILDCARDS.has(action), `${name}: ${action}`).toBe(true);
    }
  });

  it('uses a wildcard resource only for X-Ray, which has no resource-level permissions', () => {
    // Prepare
    const statements = allStatements();

    // Act
    const wildcard = statements.filter(([, s]) => asArray(s.Resource).includes('*'));

    // Assess
    expect(wildcard.length).toBe(statementsOf.size);
    for (const [name, s] of wildcard) expect(asArray(s.Action).sort(), name).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
  });

  it('lets no function update or delete audit items (SECURITY #13)', () => {
    // Prepare
    const auditTableId = logicalIdOf(dev.stack, 'Data/AuditTable');

    // Act
    const onAudit = allStatements().filter(([, s]) => referencedIds(s.Resource).has(auditTableId));

    // Assess
    expect(onAudit.length).toBeGreaterThan(0);
    for (const [name, s] of onAudit) {
      for (const action of AUDIT_MUTATIONS) expect(asArray(s.Action), `${name} may ${action} on the audit table`).not.toContain(action);
    }
  });

  it('denies audit updates and deletes to every principal in the table resource policy', () => {
    // Prepare
    const auditTableId = logicalIdOf(dev.stack, 'Data/AuditTable');

    // Act
    const replica = (dev.json.Resources[auditTableId]!.Properties!.Replicas as Record<string, any>[])[0]!;

    // Assess
    expect(replica.ResourcePolicy.PolicyDocument.Statement).toEqual([
      expect.objectContaining({ Effect: 'Deny', Principal: { AWS: '*' }, Action: expect.arrayContaining(AUDIT_MUTATIONS), Resource: '*' }),
    ]);
  });

  it('gives the authorizer no DynamoDB, KMS or Secrets Manager access: only its logs and traces', () => {
    // Prepare
    const statements = statementsOf.get('Authorizer')!;

    // Act
    const actions = statements.flatMap((s) => asArray(s.Action));

    // Assess
    expect(actions.filter((a) => /^(dynamodb|kms|secretsmanager|sqs):/.test(a))).toEqual([]);
    expect(actions.sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
  });

  it('grants each route exactly the tables, key, secret and queue its route declares', () => {
    // Prepare
    const ids = {
      tables: Object.fromEntries(TABLE_NAMES.map((name) => [logicalIdOf(dev.stack, `Data/${pascal(name)}Table`), name])),
      signingKey: logicalIdOf(dev.stack, 'Data/TokenSigningKey'),
      secret: logicalIdOf(dev.stack, 'Data/BlindIndexSecret'),
      queue: logicalIdOf(dev.stack, 'Triage/Queue'),
    };

    for (const routeId of ROUTE_IDS) {
      // Act
      const grants = routes[routeId].grants;
      const statements = statementsOf.get(pascal(routeId))!;
      const touched = new Set(statements.flatMap((s) => [...referencedIds(s.Resource)]));
      const actionsOn = (id: string): string[] => statements.filter((s) => referencedIds(s.Resource).has(id)).flatMap((s) => asArray(s.Action));

      // Assess
      const declaredTables = new Set([...Object.keys(grants.tables ?? {}), ...(grants.describeTables ?? [])]);
      const touchedTables = Object.entries(ids.tables).filter(([id]) => touched.has(id)).map(([, name]) => name);
      expect(new Set(touchedTables), `${routeId} tables`).toEqual(declaredTables);
      for (const [name, level] of Object.entries(grants.tables ?? {})) {
        const tableId = Object.entries(ids.tables).find(([, n]) => n === name)![0];
        const actions = actionsOn(tableId);
        if (level === 'append') expect(actions.sort(), `${routeId} ${name}`).toEqual(['dynamodb:PutItem']);
        if (level === 'read') expect(actions, `${routeId} ${name}`).not.toContain('dynamodb:PutItem');
        if (level === 'readWrite') expect(actions, `${routeId} ${name}`).toContain('dynamodb:UpdateItem');
      }
      const keyActions = actionsOn(ids.signingKey).sort();
      const expectedKeyActions: Record<string, string[]> = { sign: ['kms:GetPublicKey', 'kms:Sign'], publicKey: ['kms:GetPublicKey'], describe: ['kms:DescribeKey'] };
      expect(keyActions, `${routeId} signing key`).toEqual(grants.tokenSigningKey === undefined ? [] : expectedKeyActions[grants.tokenSigningKey]);
      expect(touched.has(ids.secret), `${routeId} secret`).toBe(grants.blindIndexSecret === true);
      const queueActions = actionsOn(ids.queue);
      if (grants.triageQueue === undefined) expect(queueActions, `${routeId} queue`).toEqual([]);
      if (grants.triageQueue === 'probe') expect(queueActions, `${routeId} queue`).toEqual(['sqs:GetQueueAttributes']);
      if (grants.triageQueue === 'send') expect(queueActions, `${routeId} queue`).toContain('sqs:SendMessage');
    }
  });

  it('attaches no AWS managed policy to any function role', () => {
    // Prepare
    const roleIds = [...ROUTE_IDS.map((id: RouteId) => pascal(id)), 'Authorizer'].map((name) => logicalIdOf(dev.stack, `Api/${name}Role`));

    // Act
    const managed = roleIds.map((id) => dev.json.Resources[id]!.Properties!.ManagedPolicyArns as unknown);

    // Assess
    for (const arns of managed) expect(arns).toBeUndefined();
  });
});
