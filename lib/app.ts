import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, ServerlessChecks } from 'cdk-nag';
import { CareBowStack } from './carebow-stack';
import { STAGE_CONFIGS, STAGE_NAMES, type StageName } from './stages';

export interface CareBowAppOptions extends AppProps {
  /**
   * Stages to create a stack for.
   * @default every stage in `STAGE_NAMES`
   */
  readonly stages?: readonly StageName[];
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

/** The CareBow CDK app: one `CareBowStack` per stage (`CareBow-dev`, ...), checked by cdk-nag. */
export const buildCareBowApp = (options: CareBowAppOptions = {}): App => {
  const { stages = STAGE_NAMES, nag = true, ...appProps } = options;
  const app = new App(appProps);
  for (const stage of stages) new CareBowStack(app, `CareBow-${stage}`, { config: STAGE_CONFIGS[stage] });
  if (nag) addNagChecks(app);
  return app;
};
