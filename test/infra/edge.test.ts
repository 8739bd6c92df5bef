import { beforeAll, describe, expect, it } from 'vitest';
import { WAF_RULE_NAMES } from '../../lib/edge';
import { STAGE_CONFIGS } from '../../lib/stages';
import { logicalIdOf, resourcesOfType, synthStage, type Synthesized } from './support/synth';

const MANAGED = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesSQLiRuleSet', 'AWSManagedRulesAmazonIpReputationList'];

describe('Construct: Edge', () => {
  let dev: Synthesized;
  let rules: Record<string, any>[];

  beforeAll(() => {
    dev = synthStage('dev');
    const [, acl] = resourcesOfType(dev.json, 'AWS::WAFv2::WebACL')[0]!;
    rules = acl.Properties!.Rules as Record<string, any>[];
  });

  it('runs the four AWS managed rule groups in block mode (SECURITY #18)', () => {
    // Prepare
    const managed = rules.filter((rule) => rule.Statement.ManagedRuleGroupStatement !== undefined);

    // Act
    const names = managed.map((rule) => rule.Statement.ManagedRuleGroupStatement.Name as string);

    // Assess
    expect(names.sort()).toEqual([...MANAGED].sort());
    for (const rule of managed) {
      expect(rule.OverrideAction, rule.Name).toEqual({ None: {} });
      expect(rule.Statement.ManagedRuleGroupStatement.VendorName).toBe('AWS');
      expect(rule.Statement.ManagedRuleGroupStatement.RuleActionOverrides, rule.Name).toBeUndefined();
      expect(rule.Statement.ManagedRuleGroupStatement.ExcludedRules, rule.Name).toBeUndefined();
    }
  });

  it('blocks IPs over the per-IP rate, and over a stricter rate on the stage-prefixed credential paths (auth, password change, MFA)', () => {
    // Prepare
    const byName = Object.fromEntries(rules.map((rule) => [rule.Name as string, rule]));

    // Act
    const general = byName.RatePerIp!;
    const auth = byName.AuthRatePerIp!;

    // Assess
    expect(rules.map((rule) => rule.Name)).toEqual([...WAF_RULE_NAMES]);
    expect(new Set(rules.map((rule) => rule.Priority)).size).toBe(rules.length);
    expect(general).toMatchObject({
      Action: { Block: {} },
      Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit: STAGE_CONFIGS.dev.waf.requestsPerIp } },
    });
    expect(auth).toMatchObject({
      Action: { Block: {} },
      Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit: STAGE_CONFIGS.dev.waf.authRequestsPerIp } },
    });
    const matches = auth.Statement.RateBasedStatement.ScopeDownStatement.OrStatement.Statements.map(
      (statement: { ByteMatchStatement: Record<string, unknown> }) => statement.ByteMatchStatement,
    );
    expect(matches).toEqual([
      expect.objectContaining({ FieldToMatch: { UriPath: {} }, PositionalConstraint: 'STARTS_WITH', SearchString: '/dev/api/v1/auth/' }),
      expect.objectContaining({ FieldToMatch: { UriPath: {} }, PositionalConstraint: 'EXACTLY', SearchString: '/dev/api/v1/me/password' }),
      // The MFA routes check a code, with the same lockout (docs/adr/0015-mfa.md).
      ...['/dev/api/v1/me/mfa/totp', '/dev/api/v1/me/mfa/totp/confirm', '/dev/api/v1/me/mfa'].map((path) =>
        expect.objectContaining({ FieldToMatch: { UriPath: {} }, PositionalConstraint: 'EXACTLY', SearchString: path }),
      ),
    ]);
    for (const match of matches) {
      expect(match.TextTransformations).toEqual([
        { Priority: 0, Type: 'URL_DECODE' },
        { Priority: 1, Type: 'NORMALIZE_PATH' },
      ]);
    }
    expect(STAGE_CONFIGS.dev.waf.authRequestsPerIp).toBeLessThan(STAGE_CONFIGS.dev.waf.requestsPerIp);
  });

  it('is associated with the API stage', () => {
    // Prepare
    const stageId = logicalIdOf(dev.stack, 'Api/RestApi/DeploymentStage.dev');
    const aclId = logicalIdOf(dev.stack, 'Edge/WebAcl');

    // Act
    const [, association] = resourcesOfType(dev.json, 'AWS::WAFv2::WebACLAssociation')[0]!;

    // Assess
    expect(association.Properties!.WebACLArn).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    expect(JSON.stringify(association.Properties!.ResourceArn)).toContain(`{"Ref":"${stageId}"}`);
    expect(JSON.stringify(association.Properties!.ResourceArn)).toContain(':/restapis/');
    dev.template.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'REGIONAL', DefaultAction: { Allow: {} } });
  });

  it('logs to an encrypted aws-waf-logs-* group, with the Authorization header and query strings redacted', () => {
    // Prepare
    const logGroupName = 'aws-waf-logs-carebow-dev';

    // Act
    const [, logging] = resourcesOfType(dev.json, 'AWS::WAFv2::LoggingConfiguration')[0]!;

    // Assess
    dev.template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: logGroupName,
      KmsKeyId: { 'Fn::GetAtt': [logicalIdOf(dev.stack, 'Data/Key'), 'Arn'] },
    });
    expect(JSON.stringify(logging.Properties!.LogDestinationConfigs)).toContain(`:log-group:${logGroupName}"`);
    expect(logging.Properties!.RedactedFields).toEqual(expect.arrayContaining([{ SingleHeader: { Name: 'authorization' } }, { QueryString: {} }]));
  });
});
