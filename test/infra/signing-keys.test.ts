import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_IDS, routes, type RouteId } from '../../functions/routes';
import { SIGNING_KEY_RING_TAG } from '../../shared/adapters/aws/kms-signing-keys';
import { asArray, logicalIdOf, referencedId, resourcesOfType, routeConstructPath, synthStage, type Synthesized } from './support/synth';

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/** ADR 0013: what signing with, and publishing, the token-signing key ring grants. */
describe('Construct: signing-key ring grants', () => {
  let dev: Synthesized;
  let keysTableId: string;
  let statementsOf: (routeId: RouteId) => Statement[];

  beforeAll(() => {
    dev = synthStage('dev');
    keysTableId = logicalIdOf(dev.stack, 'Data/KeysTable');
    const policies = resourcesOfType(dev.json, 'AWS::IAM::Policy');
    statementsOf = (routeId) => {
      const roleId = logicalIdOf(dev.stack, routeConstructPath(routeId, 'Role'));
      return policies
        .filter(([, policy]) => asArray(policy.Properties!.Roles).some((role) => referencedId(role) === roleId))
        .flatMap(([, policy]) => asArray(policy.Properties!.PolicyDocument.Statement as Statement[]));
    };
  });

  const signers = ROUTE_IDS.filter((id) => routes[id].grants.tokenSigningKey === 'sign');
  const publishers = ROUTE_IDS.filter((id) => routes[id].grants.tokenSigningKey === 'publicKey');

  it('lets the token-minting routes sign only with keys tagged for this stage’s ring, by condition', () => {
    // Prepare
    expect(signers).toEqual(expect.arrayContaining(['login', 'refresh']));

    for (const routeId of ROUTE_IDS) {
      // Act
      const byTag = statementsOf(routeId).filter((s) => s.Condition?.['StringEquals']?.[`aws:ResourceTag/${SIGNING_KEY_RING_TAG}`] !== undefined);

      // Assess
      if (!signers.includes(routeId)) {
        expect(byTag, routeId).toEqual([]);
        continue;
      }
      expect(byTag, routeId).toHaveLength(1);
      const [statement] = byTag;
      expect(statement!.Action, routeId).toBe('kms:Sign');
      expect(JSON.stringify(statement!.Resource), routeId).toMatch(/:key\/\*"/);
      expect(
        referencedId(statement!.Condition!['StringEquals']![`aws:ResourceTag/${SIGNING_KEY_RING_TAG}`]),
        `${routeId}: the tag value is the keys table's name`,
      ).toBe(keysTableId);
    }
  });

  it('lets the signing and publishing routes read only the ring item of the keys table (GetItem, its partition key only)', () => {
    // Prepare
    expect(publishers).toEqual(['jwks']);

    for (const routeId of ROUTE_IDS) {
      // Act
      const ringStatements = statementsOf(routeId).filter((s) => s.Condition?.['ForAllValues:StringEquals']?.['dynamodb:LeadingKeys'] !== undefined);

      // Assess
      if (![...signers, ...publishers].includes(routeId)) {
        expect(ringStatements, routeId).toEqual([]);
        continue;
      }
      expect(ringStatements, routeId).toHaveLength(1);
      expect(ringStatements[0]!.Action, routeId).toBe('dynamodb:GetItem');
      expect(referencedId(ringStatements[0]!.Resource), routeId).toBe(keysTableId);
      expect(ringStatements[0]!.Condition, routeId).toEqual({ 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['SIGNING_KEYS'] } });
      // A signer that also opens sealed data (loginMfa: the TOTP secret) reads its data key from the keys table anyway.
      if (routes[routeId].grants.dataKeys === undefined)
        expect(routes[routeId].grants.tables?.keys, `${routeId} declares no keys-table grant of its own`).toBeUndefined();
    }
  });

  it('gives the JWKS route no kms:Sign at all', () => {
    // Act
    const actions = statementsOf('jwks').flatMap((s) => asArray(s.Action));

    // Assess
    expect(actions).not.toContain('kms:Sign');
  });
});
