import { accountRoutes } from './account';
import { identityRoutes } from './identity';
import { platformRoutes } from './platform';
import { recordRoutes } from './records';
import { triageRoutes } from './triage';
import { assessmentRoutes } from './assessment';
import { auditRoutes } from './audit';
import { chatRoutes } from './chat';
import { careRoutes } from './care';
import { appointmentRoutes } from './care-appointments';

/**
 * THE route table. Every route exists once: the CDK API (one function per line), the local
 * server, the OpenAPI document and the authorization tests are all derived from it, and a route
 * missing from it does not exist anywhere. Its lines are kept in one module per area so that a
 * function bundles only its own area's schemas (each handler imports its area's table).
 */
export const routes = {
  ...platformRoutes,
  ...identityRoutes,
  ...recordRoutes,
  ...triageRoutes,
  ...assessmentRoutes,
  ...chatRoutes,
  ...accountRoutes,
  ...auditRoutes,
  ...careRoutes,
  ...appointmentRoutes,
} as const;

export type RouteId = keyof typeof routes;
export const ROUTE_IDS = Object.keys(routes) as RouteId[];
