import { Aws, Duration, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { StageName } from './stages';

/** GitHub's OIDC issuer for Actions: its tokens name the repository, the event and the environment of a job. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** The CDK bootstrap qualifier the stages are deployed with (`cdk bootstrap`'s default). */
export const CDK_QUALIFIER = 'hnb659fds';

export interface PipelineProps extends StackProps {
  /** The GitHub repository, `owner/name`, whose workflow deploys (.github/workflows/deploy.yml). */
  readonly repository: string;
  /** The stages the workflow deploys, each from the GitHub environment of the same name. */
  readonly stages: readonly StageName[];
  /**
   * The account's GitHub OIDC provider, when one exists already (there is one per account and URL).
   * @default - this stack creates it
   */
  readonly existingProvider?: iam.IOidcProvider;
}

/**
 * What GitHub Actions may do in the account (`CareBow-Pipeline`, deployed once by hand with an
 * administrator's credentials, then never by the workflow itself): no long-lived key anywhere.
 *
 * - `DeployRole<Stage>` (`carebow-<stage>-github-deploy`): assumable only through GitHub's OIDC
 *   token of a job that runs in the GitHub environment `<stage>` of `repository` (the `sub` claim
 *   `repo:<repository>:environment:<stage>`), so the prod role is reachable only after the prod
 *   environment's required reviewers approve. It may only assume the CDK bootstrap roles of this
 *   account and region (deploy, file publishing, lookup), which carry the actual permissions,
 *   scoped at `cdk bootstrap`: the least a `cdk deploy` needs, and nothing else.
 * - `DiffRole` (`carebow-github-diff`): assumable from any pull request of `repository`; it may only
 *   assume the bootstrap lookup role (read-only), which `cdk diff` uses to read the deployed templates.
 */
export class CareBowPipelineStack extends Stack {
  /** The deploy role of each stage, by stage. */
  public readonly deployRoles: Readonly<Partial<Record<StageName, iam.IRole>>>;
  /** The role pull requests use for `cdk diff`. */
  public readonly diffRole: iam.IRole;

  public constructor(scope: Construct, id: string, props: PipelineProps) {
    super(scope, id, { ...props, description: 'CareBow: the roles GitHub Actions assumes through OIDC to diff and deploy the stages' });
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(props.repository)) throw new Error(`repository must be owner/name, not ${props.repository}`);
    Tags.of(this).add('Project', 'CareBow');
    const provider =
      props.existingProvider ??
      new iam.OidcProviderNative(this, 'GitHubOidcProvider', { url: `https://${GITHUB_OIDC_HOST}`, clientIds: ['sts.amazonaws.com'] });

    const bootstrapRole = (kind: string) =>
      `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/cdk-${CDK_QUALIFIER}-${kind}-role-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
    const githubPrincipal = (subject: string) =>
      new iam.OpenIdConnectPrincipal(provider, {
        StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: 'sts.amazonaws.com' },
        StringLike: { [`${GITHUB_OIDC_HOST}:sub`]: subject },
      });

    const deployRoles: Partial<Record<StageName, iam.IRole>> = {};
    for (const stage of props.stages) {
      const role = new iam.Role(this, `DeployRole${stage[0]!.toUpperCase()}${stage.slice(1)}`, {
        roleName: `carebow-${stage}-github-deploy`,
        description: `CareBow ${stage}: GitHub Actions deploys the stage from the ${stage} environment of ${props.repository}`,
        assumedBy: githubPrincipal(`repo:${props.repository}:environment:${stage}`),
        maxSessionDuration: Duration.hours(1),
      });
      assumeOnly(this, `${role.node.id}Policy`, role, ['deploy', 'file-publishing', 'lookup'].map(bootstrapRole));
      deployRoles[stage] = role;
    }
    this.deployRoles = deployRoles;

    const diffRole = new iam.Role(this, 'DiffRole', {
      roleName: 'carebow-github-diff',
      description: `CareBow: GitHub Actions runs cdk diff for pull requests of ${props.repository} (read-only)`,
      assumedBy: githubPrincipal(`repo:${props.repository}:pull_request`),
      maxSessionDuration: Duration.hours(1),
    });
    assumeOnly(this, 'DiffRolePolicy', diffRole, [bootstrapRole('lookup')]);
    this.diffRole = diffRole;
  }
}

/**
 * Lets `role` assume exactly `roleArns` (and tag the session), nothing else: a customer-managed
 * policy of its own rather than the role's inline default policy.
 */
const assumeOnly = (scope: Construct, id: string, role: iam.IRole, roleArns: readonly string[]): void => {
  new iam.ManagedPolicy(scope, id, {
    description: `Only assume the CDK bootstrap roles: ${role.node.id}`,
    statements: [new iam.PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [...roleArns] })],
    roles: [role],
  });
};
