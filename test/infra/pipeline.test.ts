import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { CDK_QUALIFIER, CareBowPipelineStack, GITHUB_OIDC_HOST } from '../../lib/pipeline';
import { PIPELINE, STAGE_NAMES } from '../../lib/stages';

interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
}

describe('Stack: CareBow-Pipeline', () => {
  let resources: [string, CfnResource][];
  beforeAll(() => {
    const app = new App();
    const stack = new CareBowPipelineStack(app, 'CareBow-Pipeline', { repository: PIPELINE.repository, stages: STAGE_NAMES, env: { region: PIPELINE.region } });
    resources = Object.entries(Template.fromStack(stack).toJSON().Resources as Record<string, CfnResource>);
  });

  const roles = (): Record<string, any>[] =>
    resources.filter(([, resource]) => resource.Type === 'AWS::IAM::Role').map(([id, resource]) => ({ id, ...resource.Properties! }));
  const policies = () => resources.filter(([, resource]) => resource.Type === 'AWS::IAM::ManagedPolicy').map(([, resource]) => resource.Properties!);

  it("trusts GitHub's OIDC provider for sts.amazonaws.com only, and no IAM user or access key exists", () => {
    // Act
    const provider = resources.find(([, resource]) => resource.Type === 'AWS::IAM::OIDCProvider')![1].Properties!;

    // Assess
    expect(provider.Url).toBe(`https://${GITHUB_OIDC_HOST}`);
    expect(provider.ClientIdList).toEqual(['sts.amazonaws.com']);
    expect(resources.filter(([, resource]) => ['AWS::IAM::User', 'AWS::IAM::AccessKey'].includes(resource.Type))).toEqual([]);
  });

  it.each(STAGE_NAMES)('lets only a job in the GitHub environment %s of the repository assume that stage’s deploy role, for an hour at most', (stage) => {
    // Act
    const role = roles().find((r) => r.RoleName === `carebow-${stage}-github-deploy`)!;
    const [statement] = role.AssumeRolePolicyDocument.Statement;

    // Assess
    expect(statement.Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(statement.Condition).toEqual({
      StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: 'sts.amazonaws.com' },
      StringLike: { [`${GITHUB_OIDC_HOST}:sub`]: `repo:${PIPELINE.repository}:environment:${stage}` },
    });
    expect(role.MaxSessionDuration).toBe(3600);
  });

  it('lets pull requests assume only the diff role', () => {
    // Act
    const diff = roles().find((r) => r.RoleName === 'carebow-github-diff')!;

    // Assess
    expect(diff.AssumeRolePolicyDocument.Statement[0].Condition.StringLike).toEqual({
      [`${GITHUB_OIDC_HOST}:sub`]: `repo:${PIPELINE.repository}:pull_request`,
    });
    expect(roles()).toHaveLength(STAGE_NAMES.length + 1);
  });

  it('grants the roles nothing but assuming the named CDK bootstrap roles: deploy ones deploy, publish and look up; the diff role looks up', () => {
    // Act
    const statements = policies().map((policy) => ({ roles: policy.Roles, statement: policy.PolicyDocument.Statement }));
    const resourcesOf = (statement: { Resource: unknown }[]) => JSON.stringify(statement.map((s) => s.Resource));

    // Assess
    expect(statements).toHaveLength(STAGE_NAMES.length + 1);
    for (const { statement } of statements) {
      expect(statement).toHaveLength(1);
      expect(statement[0].Action).toEqual(['sts:AssumeRole', 'sts:TagSession']);
      expect(resourcesOf(statement)).not.toContain('"*"');
      for (const arn of [statement[0].Resource].flat()) expect(JSON.stringify(arn)).toContain(`:role/cdk-${CDK_QUALIFIER}-`);
    }
    const lookupOnly = statements.filter(({ statement }) => [statement[0].Resource].flat().length === 1);
    expect(lookupOnly).toHaveLength(1);
    expect(JSON.stringify(lookupOnly[0]!.statement[0].Resource)).toContain('-lookup-role-');
    expect(resources.some(([, resource]) => resource.Type === 'AWS::IAM::Policy')).toBe(false);
  });

  it('refuses a repository that is not owner/name', () => {
    // Act
    const build = () => new CareBowPipelineStack(new App(), 'P', { repository: 'not a repo', stages: ['dev'] });

    // Assess
    expect(build).toThrow(/owner\/name/);
  });
});
