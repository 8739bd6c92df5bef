import { beforeAll, describe, expect, it } from 'vitest';
import { routes, type RouteId } from '../../functions/routes';
import type { RouteDef } from '../../shared/http/route';
import { asArray, logicalIdOf, resourcesOfType, routeConstructPath, synthStage, type Synthesized } from './support/synth';

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
}

const STREAMED = (Object.keys(routes) as RouteId[]).filter((routeId) => (routes[routeId] as RouteDef).stream === true);

/** Every IAM statement of the policies attached to `roleId`. */
const statementsOf = (synth: Synthesized, roleId: string): Statement[] =>
  resourcesOfType(synth.json, 'AWS::IAM::Policy')
    .map(([, policy]) => policy)
    .filter((policy) => asArray(policy.Properties!.Roles).some((role: unknown) => JSON.stringify(role).includes(roleId)))
    .flatMap((policy) => policy.Properties!.PolicyDocument.Statement as Statement[]);

describe('Construct: Api streamed routes', () => {
  let staging: Synthesized;
  let dev: Synthesized;
  beforeAll(() => {
    staging = synthStage('staging');
    dev = synthStage('dev');
  });

  it('integrates every streamed route in STREAM mode through InvokeWithResponseStream, with a 30 s timeout', () => {
    // Assess
    expect(STREAMED.length).toBeGreaterThan(0);
    for (const routeId of STREAMED) {
      const method = staging.json.Resources[logicalIdOf(staging.stack, routeConstructPath(routeId, 'Method'))]!.Properties!;
      const fn = staging.json.Resources[logicalIdOf(staging.stack, routeConstructPath(routeId, 'Function'))]!.Properties!;
      expect(method.Integration.ResponseTransferMode, routeId).toBe('STREAM');
      expect(JSON.stringify(method.Integration.Uri), routeId).toContain('response-streaming-invocations');
      expect(fn.Timeout, routeId).toBe(30);
    }
  });

  it('integrates every other route buffered, with the 10 s timeout', () => {
    // Prepare
    const buffered = (Object.keys(routes) as RouteId[]).filter((routeId) => !STREAMED.includes(routeId));

    // Assess
    for (const routeId of buffered) {
      const method = staging.json.Resources[logicalIdOf(staging.stack, routeConstructPath(routeId, 'Method'))]!.Properties!;
      expect(method.Integration.ResponseTransferMode, routeId).toBeUndefined();
      expect(JSON.stringify(method.Integration.Uri), routeId).not.toContain('response-streaming');
    }
  });

  it('lets only the routes granted modelApiKey read the model secret, and only where the stage enables the model', () => {
    // Prepare
    const secretId = logicalIdOf(staging.stack, 'Triage/ModelApiKeySecret');
    const readers = (Object.keys(routes) as RouteId[]).filter((routeId) => (routes[routeId] as RouteDef).grants.modelApiKey === 'read');

    // Act
    const reading = (synth: Synthesized, id: string) =>
      (Object.keys(routes) as RouteId[]).filter((routeId) =>
        JSON.stringify(statementsOf(synth, logicalIdOf(synth.stack, routeConstructPath(routeId, 'Role')))).includes(id),
      );

    // Assess
    expect(readers.length).toBeGreaterThan(0);
    expect(reading(staging, secretId).sort()).toEqual(readers.sort());
    expect(JSON.stringify(dev.json)).not.toContain('ModelApiKeySecret');
  });
});
