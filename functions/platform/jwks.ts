import { jwks as route } from '../routes/platform';
import { publishingConfigSchema } from '../../shared/config';
import { readConfig } from '../../shared/env-schema';
import { httpRoute } from '../../shared/http/http-route';
import { tokenSignerFor } from '../../shared/runtime/keys';

const signer = tokenSignerFor(readConfig(publishingConfigSchema()));

/** GET /.well-known/jwks.json: the keys that verify CareBow access tokens: the ring's next, active and retiring ones (ADR 0013). */
export const handler = httpRoute(route, async () => ({ body: { keys: await signer.publishedJwks() } }));
