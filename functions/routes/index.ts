import { accountRoutes } from './account';
import { accountExportRoutes } from './account-export';
import { identityRoutes } from './identity';
import { mfaRoutes } from './identity-mfa';
import { platformRoutes } from './platform';
import { recordRoutes } from './records';
import { triageRoutes } from './triage';
import { assessmentRoutes } from './assessment';
import { auditRoutes } from './audit';
import { chatRoutes } from './chat';
import { careRoutes } from './care';
import { appointmentRoutes } from './care-appointments';
import { matchingRoutes } from './care-matching';
import { optionsRoutes } from './care-options';
import { notificationRoutes } from './notifications';
import { contentRoutes } from './content';
import { libraryRoutes } from './library';

/**
 * The route table's modules, by area: each area's functions deploy together as one nested stack
 * (lib/api.ts, docs/adr/0008-api-nested-stacks.md) and form one tag of the OpenAPI document.
 * A module missing here fails synthesis.
 */
export const ROUTE_AREAS = {
  platform: platformRoutes,
  identity: { ...identityRoutes, ...mfaRoutes },
  records: recordRoutes,
  triage: triageRoutes,
  assessment: assessmentRoutes,
  chat: chatRoutes,
  account: { ...accountRoutes, ...accountExportRoutes },
  audit: auditRoutes,
  care: careRoutes,
  appointments: appointmentRoutes,
  matching: matchingRoutes,
  options: optionsRoutes,
  notifications: notificationRoutes,
  content: contentRoutes,
  library: libraryRoutes,
} as const;

export type RouteArea = keyof typeof ROUTE_AREAS;

/**
 * THE route table. Every route exists once: the CDK API (one function per line), the local
 * server, the OpenAPI document and the authorization tests are all derived from it, and a route
 * missing from it does not exist anywhere. Its lines are kept in one module per area; each handler
 * imports its own line alone, so its bundle holds that line's schemas only (docs/architecture.md).
 */
export const routes = {
  ...platformRoutes,
  ...identityRoutes,
  ...mfaRoutes,
  ...recordRoutes,
  ...triageRoutes,
  ...assessmentRoutes,
  ...chatRoutes,
  ...accountRoutes,
  ...accountExportRoutes,
  ...auditRoutes,
  ...careRoutes,
  ...appointmentRoutes,
  ...matchingRoutes,
  ...optionsRoutes,
  ...notificationRoutes,
  ...contentRoutes,
  ...libraryRoutes,
} as const;

export type RouteId = keyof typeof routes;
export const ROUTE_IDS = Object.keys(routes) as RouteId[];
