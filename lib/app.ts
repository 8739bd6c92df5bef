import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, ServerlessChecks } from 'cdk-nag';
import { CareBowStack } from './carebow-stack';
import { CareBowPipelineStack } from './pipeline';
import { PIPELINE, STAGE_CONFIGS, STAGE_NAMES, type StageName } from './stages';

export interface CareBowAppOptions extends AppProps {
  /**
   * Stages to create a stack for.
   * @default every stage in `STAGE_NAMES`
   */
  readonly stages?: readonly StageName[];
  /**
   * Whether the app also has `CareBow-Pipeline`, the roles GitHub Actions deploys with (lib/pipeline.ts).
   * @default true
   */
  readonly pipeline?: boolean;
  /**
   * Whether the cdk-nag rule packs validate the app at synth.
   * @default true
   */
  readonly nag?: boolean;
}

/**
 * Registers the AWS Solutions, HIPAA Security and Serverless rule packs (cdk-nag v3) on `app`.
 * Any error they report that is not acknowledged (lib/nag.ts) fails synthesis.
 */
export const addNagChecks = (app: App): void => {
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true }),
    new HIPAASecurityChecks(app, { verbose: true }),
    new ServerlessChecks(app, { verbose: true }),
  );
};

/** The CareBow CDK app: one `CareBowStack` per stage (`CareBow-dev`, ...) and `CareBow-Pipeline`, checked by cdk-nag. */
export const buildCareBowApp = (options: CareBowAppOptions = {}): App => {
  const { stages = STAGE_NAMES, nag = true, pipeline = true, ...appProps } = options;
  const app = new App(appProps);
  for (const stage of stages) new CareBowStack(app, `CareBow-${stage}`, { config: STAGE_CONFIGS[stage] });
  if (pipeline) new CareBowPipelineStack(app, 'CareBow-Pipeline', { repository: PIPELINE.repository, stages: STAGE_NAMES, env: { region: PIPELINE.region } });
  if (nag) addNagChecks(app);
  return app;
};
