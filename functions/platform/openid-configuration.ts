import { login } from '../routes/identity';
import { jwks, openidConfiguration } from '../routes/platform';
import { publishingConfigSchema } from '../../shared/config';
import { readConfig } from '../../shared/env-schema';
import { httpRoute } from '../../shared/http/http-route';

const { AUTH_ISSUER } = readConfig(publishingConfigSchema());
const discovery = {
  issuer: AUTH_ISSUER,
  jwks_uri: `${AUTH_ISSUER}${jwks.path}`,
  token_endpoint: `${AUTH_ISSUER}${login.path}`,
  id_token_signing_alg_values_supported: ['ES256'],
  token_endpoint_auth_methods_supported: ['none'],
  subject_types_supported: ['public'],
  claims_supported: ['iss', 'sub', 'client_id', 'token_use', 'scope', 'groups', 'jti', 'iat', 'nbf', 'exp', 'auth_time'],
};

/** GET /.well-known/openid-configuration: where the issuer's keys are. */
export const handler = httpRoute(openidConfiguration, async () => ({ body: discovery }));
