import { platformRoutes as routes } from '../routes/platform';
import { publishingConfigSchema, readConfig } from '../../shared/config';
import { httpRoute } from '../../shared/http/http-route';
import { tokenSignerFor } from '../../shared/runtime/keys';

const signer = tokenSignerFor(readConfig(publishingConfigSchema));

/** GET /.well-known/jwks.json: the public key that verifies CareBow access tokens. */
export const handler = httpRoute(routes.jwks, async () => ({ body: { keys: [await signer.publicJwk()] } }));
