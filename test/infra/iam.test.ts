import { beforeAll, describe, expect, it } from 'vitest';
import { routes, ROUTE_IDS } from '../../functions/routes';
import { indexesOf, pascal } from '../../lib/data';
import { TABLES, TABLE_NAMES, type TableName } from '../../shared/data/tables';
import { addGrantProbe, type GrantProbe } from './support/probe';
import {
  asArray,
  logicalIdOf,
  nestedTemplate,
  referencedId,
  referencedIds,
  resourcesOfType,
  routeConstructPath,
  synthStage,
  type Synthesized,
} from './support/synth';

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/** Wildcard actions CDK grants add on a CMK; acknowledged in lib/nag.ts (`cmkGrantWildcards`). */
const ACCEPTED_PARTIAL_WILDCARDS = new Set(['kms:GenerateDataKey*', 'kms:ReEncrypt*']);
const AUDIT_MUTATIONS = [
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:PartiQLUpdate',
  'dynamodb:PartiQLDelete',
  'dynamodb:PartiQLInsert',
];
const WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const PHI_CONTEXT = { StringEquals: { 'kms:EncryptionContext:purpose': 'carebow-phi' } };

/** A resource ARN as the template writes it: `<id>` for a table's ARN, `<id>/index/name` for an index. */
const renderArn = (resource: unknown): string => {
  const join = (resource as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join !== undefined) return join[1].map((part) => (typeof part === 'string' ? part : `<${referencedId(part) ?? '?'}>`)).join('');
  return `<${referencedId(resource) ?? String(resource)}>`;
};

/** Every function role by function name (`Login`, `Authorizer`, `TriageWorker`, `ChatWorker`, `NotificationsWorker`) → its construct path. */
const ROLE_PATHS = new Map<string, string>([
  ...ROUTE_IDS.map((routeId): [string, string] => [pascal(routeId), routeConstructPath(routeId, 'Role')]),
  ['Authorizer', 'Api/AuthorizerRole'],
  ['TriageWorker', 'Triage/WorkerRole'],
  ['ChatWorker', 'Chat/WorkerRole'],
  ['NotificationsWorker', 'Notifications/WorkerRole'],
]);
const SCHEDULE_ACTIONS = ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'scheduler:UpdateSchedule'];

describe('Construct: Api IAM', () => {
  let dev: Synthesized;
  /** Statements of each function role, by function name (`Login`, `Authorizer`, `TriageWorker`, ...). */
  let statementsOf: Map<string, Statement[]>;

  beforeAll(() => {
    dev = synthStage('dev');
    statementsOf = new Map();
    const policies = resourcesOfType(dev.json, 'AWS::IAM::Policy');
    for (const [name, rolePath] of ROLE_PATHS) {
      const roleId = logicalIdOf(dev.stack, rolePath);
      const statements = policies
        .filter(([, policy]) => asArray(policy.Properties!.Roles).some((role) => referencedId(role) === roleId))
        .flatMap(([, policy]) => asArray(policy.Properties!.PolicyDocument.Statement as Statement[]));
      statementsOf.set(name, statements);
    }
  });

  /** Statements of one route's role that name `logicalId` in their resources. */
  const statementsOn = (name: string, logicalId: string): Statement[] => statementsOf.get(name)!.filter((s) => referencedIds(s.Resource).has(logicalId));

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

  it('uses a wildcard resource only for X-Ray, which has no resource-level permissions, and for SMS, since a phone number has no ARN', () => {
    // Prepare
    const statements = allStatements();

    // Act
    const wildcard = statements.filter(([, s]) => asArray(s.Resource).includes('*'));
    const sms = wildcard.filter(([, s]) => asArray(s.Action).join() === 'sns:Publish');
    const xray = wildcard.filter((entry) => !sms.includes(entry));

    // Assess: the notifications worker's SMS (test/infra/notifications.test.ts denies it every SNS ARN).
    expect(sms.map(([name, s]) => [name, s.Effect])).toEqual([['NotificationsWorker', 'Allow']]);
    expect(xray.length).toBe(statementsOf.size);
    for (const [name, s] of xray) expect(asArray(s.Action).sort(), name).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
  });

  it('grants no function dynamodb:Scan: every read is a GetItem or a Query on a key or an index', () => {
    // Prepare
    const statements = allStatements();

    // Act
    const scanners = statements.filter(([, s]) => asArray(s.Action).some((action) => action === 'dynamodb:Scan' || action === 'dynamodb:PartiQLSelect'));

    const anyPolicy = resourcesOfType(dev.json, 'AWS::IAM::Policy').flatMap(([id, policy]) =>
      asArray(policy.Properties!.PolicyDocument.Statement as Statement[])
        .filter((s) => asArray(s.Action).some((action) => /^dynamodb:(Scan|PartiQLSelect|\*)$/.test(action)))
        .map(() => id),
    );

    // Assess
    expect(statements.some(([, s]) => asArray(s.Action).includes('dynamodb:Query'))).toBe(true);
    expect(scanners.map(([name]) => name)).toEqual([]);
    expect(anyPolicy).toEqual([]);
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

  it('lets every role that appends to the audit trail also query the table and its indexes, and nothing more', () => {
    // Prepare
    const auditTableId = logicalIdOf(dev.stack, 'Data/AuditTable');
    const appenders = ROUTE_IDS.filter((id) => routes[id].grants.tables?.audit === 'append');
    expect(appenders.length).toBeGreaterThan(10);

    for (const routeId of appenders) {
      // Act (a health probe's DescribeTable-only statement is not part of `append`)
      const statements = statementsOn(pascal(routeId), auditTableId).filter((s) => asArray(s.Action).join() !== 'dynamodb:DescribeTable');

      // Assess
      expect(statements.flatMap((s) => asArray(s.Action)).sort(), routeId).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
      expect(
        statements
          .flatMap((s) => asArray(s.Resource))
          .map(renderArn)
          .sort(),
        routeId,
        // byAnchorWindow (ADR 0014) and bySubjectTime (ADR 0019) hold the table's own items: Query on the table already reaches them.
      ).toEqual([`<${auditTableId}>`, `<${auditTableId}>/index/byActor`, `<${auditTableId}>/index/byAnchorWindow`, `<${auditTableId}>/index/bySubjectTime`]);
    }
  });

  it('lets every protected route append to the audit trail, so it can audit a denial', () => {
    // Prepare
    const protectedRoutes = ROUTE_IDS.filter((id) => !('public' in routes[id].access));
    const auditTableId = logicalIdOf(dev.stack, 'Data/AuditTable');

    // Act
    const withoutAppend = protectedRoutes.filter((id) => !statementsOn(pascal(id), auditTableId).some((s) => asArray(s.Action).includes('dynamodb:PutItem')));

    // Assess
    expect(protectedRoutes.length).toBeGreaterThan(0);
    expect(withoutAppend).toEqual([]);
  });

  it('denies audit updates and deletes to every principal in the table resource policy', () => {
    // Prepare
    const auditTableId = logicalIdOf(dev.stack, 'Data/AuditTable');

    // Act
    const replica = (dev.json.Resources[auditTableId]!.Properties!.Replicas as Record<string, any>[])[0]!;

    // Assess
    // `*` in a table's own policy is the table; DynamoDB has no write on an index, so the
    // byActor, bySubjectTime and byAnchorWindow indexes leave nothing to deny there.
    expect(replica.ResourcePolicy.PolicyDocument.Statement).toEqual([
      expect.objectContaining({ Effect: 'Deny', Principal: { AWS: '*' }, Action: expect.arrayContaining(AUDIT_MUTATIONS), Resource: '*' }),
    ]);
    expect(replica.ResourcePolicy.PolicyDocument.Statement[0].Condition).toBeUndefined();
    expect((dev.json.Resources[auditTableId]!.Properties!.GlobalSecondaryIndexes as unknown[]).length).toBe(3);
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

  it('grants each route exactly the tables, indexes, keys, secret and queue its route declares', () => {
    // Prepare
    const ids = {
      tables: Object.fromEntries(TABLE_NAMES.map((name) => [logicalIdOf(dev.stack, `Data/${pascal(name)}Table`), name])),
      signingKey: logicalIdOf(dev.stack, 'Data/TokenSigningKey'),
      wrappingKey: logicalIdOf(dev.stack, 'Data/DataKeyWrappingKey'),
      secret: logicalIdOf(dev.stack, 'Data/BlindIndexSecret'),
      queue: logicalIdOf(dev.stack, 'Triage/Queue'),
      chatQueue: logicalIdOf(dev.stack, 'Chat/Queue'),
      notificationsQueue: logicalIdOf(dev.stack, 'Notifications/Queue'),
      schedulerRole: logicalIdOf(dev.stack, 'Notifications/SchedulerRole'),
    };
    const tableId = (name: string): string => Object.entries(ids.tables).find(([, n]) => n === name)![0];

    for (const routeId of ROUTE_IDS) {
      // Act
      const grants = routes[routeId].grants;
      const statements = statementsOf.get(pascal(routeId))!;
      const touched = new Set(statements.flatMap((s) => [...referencedIds(s.Resource)]));
      const actionsOn = (id: string): string[] => statements.filter((s) => referencedIds(s.Resource).has(id)).flatMap((s) => asArray(s.Action));

      // Assess
      // A route that signs or publishes tokens also reads the signing-key ring, one item of the keys table (test/infra/signing-keys.test.ts).
      const readsRing = grants.tokenSigningKey === 'sign' || grants.tokenSigningKey === 'publicKey';
      const declaredTables = new Set([...Object.keys(grants.tables ?? {}), ...(grants.describeTables ?? []), ...(readsRing ? ['keys'] : [])]);
      const touchedTables = Object.entries(ids.tables)
        .filter(([id]) => touched.has(id))
        .map(([, name]) => name);
      expect(new Set(touchedTables), `${routeId} tables`).toEqual(declaredTables);
      for (const [name, level] of Object.entries(grants.tables ?? {}) as [TableName, string][]) {
        const id = tableId(name);
        // A table both granted and probed (`describeTables`) has one more, DescribeTable-only, statement.
        const onTable = statements.filter((s) => referencedIds(s.Resource).has(id));
        const probes = onTable.filter((s) => asArray(s.Action).join() === 'dynamodb:DescribeTable');
        expect(probes.length, `${routeId} ${name} probes`).toBe((grants.describeTables ?? []).includes(name) ? 1 : 0);
        const granted = onTable.filter((s) => !probes.includes(s));
        const actions = granted.flatMap((s) => asArray(s.Action));
        const resources = new Set(granted.flatMap((s) => asArray(s.Resource)).map(renderArn));
        const expectedResources = new Set([`<${id}>`, ...indexesOf(TABLES[name]).map((index) => `<${id}>/index/${index.indexName}`)]);
        expect(resources, `${routeId} ${name}: the table and each of its indexes, by name`).toEqual(expectedResources);
        if (level === 'append') expect(actions.sort(), `${routeId} ${name}`).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
        if (level === 'read') {
          expect(actions, `${routeId} ${name}`).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
          for (const write of WRITES) expect(actions, `${routeId} ${name}`).not.toContain(write);
        }
        if (level === 'readWrite') expect(actions, `${routeId} ${name}`).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', ...WRITES]));
      }
      for (const name of grants.describeTables ?? []) {
        if (grants.tables?.[name] !== undefined) continue;
        expect(actionsOn(tableId(name)), `${routeId} describes ${name}`).toEqual(['dynamodb:DescribeTable']);
      }
      const wrappingKeyStatements = statements.filter((s) => referencedIds(s.Resource).has(ids.wrappingKey));
      const expectedDataKeyActions = { decrypt: ['kms:Decrypt'], generate: ['kms:Decrypt', 'kms:GenerateDataKey'] };
      expect(wrappingKeyStatements.flatMap((s) => asArray(s.Action)).sort(), `${routeId} data keys`).toEqual(
        grants.dataKeys === undefined ? [] : expectedDataKeyActions[grants.dataKeys],
      );
      for (const s of wrappingKeyStatements) expect(s.Condition, `${routeId} data keys`).toEqual(PHI_CONTEXT);
      const keyActions = actionsOn(ids.signingKey).sort();
      const expectedKeyActions: Record<string, string[]> = {
        sign: ['kms:GetPublicKey', 'kms:Sign'],
        publicKey: ['kms:GetPublicKey'],
        describe: ['kms:DescribeKey'],
      };
      expect(keyActions, `${routeId} signing key`).toEqual(grants.tokenSigningKey === undefined ? [] : expectedKeyActions[grants.tokenSigningKey]);
      expect(touched.has(ids.secret), `${routeId} secret`).toBe(grants.blindIndexSecret === true);
      const queueActions = actionsOn(ids.queue);
      if (grants.triageQueue === undefined) expect(queueActions, `${routeId} queue`).toEqual([]);
      if (grants.triageQueue === 'probe') expect(queueActions, `${routeId} queue`).toEqual(['sqs:GetQueueAttributes']);
      if (grants.triageQueue === 'send') expect(queueActions, `${routeId} queue`).toEqual(['sqs:SendMessage']);
      expect(actionsOn(ids.chatQueue), `${routeId} chat queue`).toEqual(grants.chatQueue === 'send' ? ['sqs:SendMessage'] : []);
      expect(actionsOn(ids.notificationsQueue), `${routeId} notifications queue`).toEqual(grants.notificationsQueue === 'send' ? ['sqs:SendMessage'] : []);
      const scheduleActions = statements.flatMap((s) => asArray(s.Action)).filter((a) => a.startsWith('scheduler:'));
      expect(scheduleActions.sort(), `${routeId} reminders`).toEqual(grants.reminders === 'manage' ? SCHEDULE_ACTIONS : []);
      expect(actionsOn(ids.schedulerRole), `${routeId} scheduler role`).toEqual(grants.reminders === 'manage' ? ['iam:PassRole'] : []);
    }
  });

  it('grants a route declaring notificationsQueue `send` and reminders `manage`, from an area stack, exactly SendMessage, the three schedule actions in its group and PassRole to Scheduler', () => {
    // Prepare: no route declares reminders (the notifications worker keeps them: test/infra/notifications.test.ts), so a
    // probe built like a route checks the grant from an area stack.
    let probe: GrantProbe | undefined;
    const probed = synthStage('dev', {
      amend: (stack) => {
        probe = addGrantProbe(stack);
      },
    });
    const nested = nestedTemplate(probed, probe!.area);
    const roleId = logicalIdOf(probed.stack, 'ProbeRoutes/ProbeRole');
    const cmkId = logicalIdOf(probed.stack, 'Data/Key');
    const queueId = logicalIdOf(probed.stack, 'Notifications/Queue');
    const schedulerRoleId = logicalIdOf(probed.stack, 'Notifications/SchedulerRole');

    // Act
    const statements = resourcesOfType(nested, 'AWS::IAM::Policy')
      .filter(([, policy]) => asArray(policy.Properties!.Roles).some((role) => referencedId(role) === roleId))
      .flatMap(([, policy]) => asArray(policy.Properties!.PolicyDocument.Statement as Statement[]))
      .filter((s) => !asArray(s.Action).some((a) => /^(logs|xray):/.test(a)));
    const rendered = statements.map((s) => ({
      actions: asArray(s.Action).sort(),
      resources: asArray(s.Resource).map((r) =>
        JSON.stringify(r).replaceAll(`"${cmkId}"`, '"cmk"').replaceAll(`"${queueId}"`, '"queue"').replaceAll(`"${schedulerRoleId}"`, '"schedulerRole"'),
      ),
      condition: s.Condition,
    }));

    // Assess
    const schedules = {
      'Fn::Join': [
        '',
        ['arn:', { Ref: 'AWS::Partition' }, ':scheduler:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':schedule/carebow-dev-reminders/*'],
      ],
    };
    expect(rendered).toEqual([
      { actions: ['sqs:SendMessage'], resources: [JSON.stringify({ 'Fn::GetAtt': ['queue', 'Arn'] })], condition: undefined },
      { actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [JSON.stringify({ 'Fn::GetAtt': ['cmk', 'Arn'] })], condition: undefined },
      { actions: SCHEDULE_ACTIONS, resources: [JSON.stringify(schedules)], condition: undefined },
      {
        actions: ['iam:PassRole'],
        resources: [JSON.stringify({ 'Fn::GetAtt': ['schedulerRole', 'Arn'] })],
        condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      },
    ]);
    expect(statements.every((s) => s.Effect === 'Allow')).toBe(true);
  });

  it('lets no route manage reminders (routes only enqueue events; the notifications worker keeps the schedules, ADR 0010)', () => {
    // Act
    const managers = ROUTE_IDS.filter((id) => routes[id].grants.reminders !== undefined);
    const appointmentSenders = ROUTE_IDS.filter((id) => /^appointment(Book|Cancel|Reschedule)$/.test(id) && routes[id].grants.notificationsQueue === 'send');

    // Assess
    expect(managers).toEqual([]);
    expect(appointmentSenders.sort()).toEqual(['appointmentBook', 'appointmentCancel', 'appointmentReschedule']);
  });

  it('lets routes that declare a queue `send` only SendMessage to that queue (triage, chat, notifications), and nothing else on SQS', () => {
    // Prepare
    const queueIds = {
      triage: logicalIdOf(dev.stack, 'Triage/Queue'),
      chat: logicalIdOf(dev.stack, 'Chat/Queue'),
      notifications: logicalIdOf(dev.stack, 'Notifications/Queue'),
    };
    const senders = ROUTE_IDS.filter(
      (id) => routes[id].grants.triageQueue === 'send' || routes[id].grants.chatQueue === 'send' || routes[id].grants.notificationsQueue === 'send',
    );
    expect(senders.length).toBeGreaterThan(0);

    for (const routeId of senders) {
      // Act
      const sqsStatements = statementsOf.get(pascal(routeId))!.filter((s) => asArray(s.Action).some((a) => a.startsWith('sqs:')));
      const { grants } = routes[routeId];
      const declared = [
        ...(grants.triageQueue === 'send' ? [queueIds.triage] : []),
        ...(grants.chatQueue === 'send' ? [queueIds.chat] : []),
        ...(grants.notificationsQueue === 'send' ? [queueIds.notifications] : []),
      ];

      // Assess
      expect(
        sqsStatements.flatMap((s) => asArray(s.Action)),
        routeId,
      ).toEqual(declared.map(() => 'sqs:SendMessage'));
      expect(
        sqsStatements.flatMap((s) => asArray(s.Resource)),
        routeId,
      ).toEqual(declared.map((queueId) => ({ 'Fn::GetAtt': [queueId, 'Arn'] })));
      expect(
        sqsStatements.every((s) => s.Effect === 'Allow' && s.Condition === undefined),
        routeId,
      ).toBe(true);
    }
  });

  it('lets routes that declare the blind-index secret read it, and decrypt with the CMK only through Secrets Manager, from their own role', () => {
    // Prepare
    const secretId = logicalIdOf(dev.stack, 'Data/BlindIndexSecret');
    const keyId = logicalIdOf(dev.stack, 'Data/Key');
    const readers = ROUTE_IDS.filter((id) => routes[id].grants.blindIndexSecret === true);
    expect(readers.length).toBeGreaterThan(0);
    const keyPolicy = dev.parentJson.Resources[keyId]!.Properties!.KeyPolicy.Statement as Statement[];

    for (const routeId of readers) {
      // Act
      const statements = statementsOf.get(pascal(routeId))!;
      const onSecret = statements.filter((s) => referencedIds(s.Resource).has(secretId));
      const onKey = statements.filter(
        (s) => referencedIds(s.Resource).has(keyId) && asArray(s.Action).includes('kms:Decrypt') && s.Condition?.StringEquals?.['kms:ViaService'],
      );

      // Assess
      expect(onSecret.flatMap((s) => asArray(s.Action)).sort(), routeId).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
      expect(onKey, routeId).toHaveLength(1);
      expect(asArray(onKey[0]!.Action), routeId).toEqual(['kms:Decrypt']);
      expect(JSON.stringify(onKey[0]!.Condition), routeId).toContain('secretsmanager.');
    }
    // Not in the key's policy: a role of an area stack there would make the key depend on that stack (ADR 0008).
    const roleIds = readers.map((id) => logicalIdOf(dev.stack, routeConstructPath(id, 'Role')));
    expect(keyPolicy.filter((statement) => roleIds.some((roleId) => referencedIds(statement).has(roleId)))).toEqual([]);
  });

  it('lets only routes declaring `dataKeys` use the wrapping key, always under the PHI encryption context', () => {
    // Prepare
    const wrappingKeyId = logicalIdOf(dev.stack, 'Data/DataKeyWrappingKey');
    // The workers unwrap keys too (TRIAGE_WORKER_GRANTS, triage.test.ts; CHAT_WORKER_GRANTS, chat.test.ts; NOTIFICATIONS_WORKER_GRANTS, notifications.test.ts).
    const declaring = [
      ...ROUTE_IDS.filter((id) => routes[id].grants.dataKeys !== undefined).map(pascal),
      'TriageWorker',
      'ChatWorker',
      'NotificationsWorker',
    ].sort();

    // Act
    const users = [...statementsOf]
      .filter(([, statements]) => statements.some((s) => referencedIds(s.Resource).has(wrappingKeyId)))
      .map(([name]) => name)
      .sort();
    const statements = allStatements().filter(([, s]) => referencedIds(s.Resource).has(wrappingKeyId));

    // Assess
    expect(declaring.length).toBeGreaterThan(0);
    expect(users).toEqual(declaring);
    expect(users).not.toContain('Authorizer');
    for (const [name, s] of statements) {
      expect(s.Effect, name).toBe('Allow');
      expect(s.Condition, name).toEqual(PHI_CONTEXT);
      expect(asArray(s.Resource), name).toEqual([{ 'Fn::GetAtt': [wrappingKeyId, 'Arn'] }]);
    }
  });

  it('lets only routes declaring `generate` make new data keys (today: register, and the deletion for its notice’s own key)', () => {
    // Prepare
    const wrappingKeyId = logicalIdOf(dev.stack, 'Data/DataKeyWrappingKey');

    // Act
    const generators = allStatements()
      .filter(([, s]) => referencedIds(s.Resource).has(wrappingKeyId) && asArray(s.Action).some((a) => a.startsWith('kms:GenerateDataKey')))
      .map(([name]) => name);

    // Assess
    expect(generators).toEqual(ROUTE_IDS.filter((id) => routes[id].grants.dataKeys === 'generate').map(pascal));
    expect(generators).toEqual(['Register', 'DeleteMe']);
  });

  it('gives no other IAM policy in the stack access to the wrapping key', () => {
    // Prepare
    const wrappingKeyId = logicalIdOf(dev.stack, 'Data/DataKeyWrappingKey');
    const functionRoleIds = new Set([...ROLE_PATHS.values()].map((rolePath) => logicalIdOf(dev.stack, rolePath)));

    // Act
    const others = resourcesOfType(dev.json, 'AWS::IAM::Policy')
      .filter(([, policy]) => !asArray(policy.Properties!.Roles).every((role) => functionRoleIds.has(referencedId(role) ?? '')))
      .filter(([, policy]) => referencedIds(policy.Properties!.PolicyDocument).has(wrappingKeyId))
      .map(([id]) => id);
    const inlineOnRoles = resourcesOfType(dev.json, 'AWS::IAM::Role').filter(([, role]) => referencedIds(role.Properties!.Policies).has(wrappingKeyId));

    // Assess
    expect(others).toEqual([]);
    expect(inlineOnRoles).toEqual([]);
  });

  it('attaches no AWS managed policy to any function role', () => {
    // Prepare
    const roleIds = [...ROLE_PATHS.values()].map((rolePath) => logicalIdOf(dev.stack, rolePath));

    // Act
    const managed = roleIds.map((id) => dev.json.Resources[id]!.Properties!.ManagedPolicyArns as unknown);

    // Assess
    for (const arns of managed) expect(arns).toBeUndefined();
  });
});
