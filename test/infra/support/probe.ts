import { Duration, NestedStack } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { routes } from '../../../functions/routes';
import type { CareBowStack } from '../../../lib/carebow-stack';
import { encryptedLogGroup, grantDeclared, nodeFunction } from '../../../lib/functions';
import { acknowledge } from '../../../lib/nag';
import type { Grants } from '../../../shared/http/route';

/** Every grant of the vocabulary that no route may declare yet: the producers of notifications come later (issue 11). */
export const NOTIFICATION_GRANTS = { notificationsQueue: 'send', reminders: 'manage' } as const satisfies Grants;

export interface GrantProbe {
  /** `ProbeRoutes`: a nested stack below the stage stack, like an area's (`Api/<Area>Routes`). */
  readonly area: NestedStack;
  /** `ProbeRoutes/ProbeFunction`, its role `ProbeRoutes/ProbeRole`. */
  readonly fn: lambda.IFunction;
}

/**
 * A route-like function in a nested stack, built and granted the way lib/api.ts builds a route's
 * (its log group in the stage stack, `grantDeclared` with the stage's targets), declaring `grants`:
 * so a grant no route declares yet is still synthesized, checked by cdk-nag and asserted.
 */
export const addGrantProbe = (stack: CareBowStack, grants: Grants = NOTIFICATION_GRANTS): GrantProbe => {
  const area = new NestedStack(stack, 'ProbeRoutes');
  const settings = stack.api.functionSettings;
  const fn = nodeFunction(area, 'Probe', settings, {
    entry: routes.health.entry,
    description: 'Probe: a route declaring the notifications grants',
    memorySize: 128,
    timeout: Duration.seconds(3),
    environment: {},
    reservedConcurrency: 1,
    logGroup: encryptedLogGroup(stack, 'ProbeLogs', settings),
  });
  acknowledge(fn, 'lambdaSynchronousNoDlq');
  grantDeclared(fn, grants, {
    tables: stack.data.tables,
    notificationsQueue: stack.notifications.queue,
    reminders: stack.notifications.reminderTargets,
  });
  return { area, fn };
};
