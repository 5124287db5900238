import { routes } from '@slotwise/sdk/contract';
import { Hono } from 'hono';
import type { AppEnv, Principal } from '../../app-env.js';
import { defineRoute } from '../define-route.js';
import { apiKeyAuth } from '../middleware/api-key/index.js';
import { rateLimit } from '../middleware/rate-limit/index.js';
import { sessionAuth } from '../middleware/session/index.js';
import { login, logout, refresh, signup } from '../../services/accounts/sessions.js';
import { createApiKey, listApiKeys, revokeApiKey, rotateApiKey } from '../../services/accounts/api-keys.js';
import { archiveService, createService, myService } from '../../services/catalog/services.js';
import { readPlatformSettings, updatePlatformSettings } from '../../services/platform-settings.js';
import { retrieveProfile, updateProfile } from '../../services/catalog/profile.js';

/** On answers that carry a secret (tokens, a new API key): nothing on the way may keep a copy (RFC 6749 §5.1). */
const noStore = { 'cache-control': 'no-store' };

export interface AccountRoutesOptions {
  /** Sign-ups and logins one client may attempt per minute (each). @default 10 */
  authAttemptsPerMinute?: number;
}

/**
 * Sign-up, login, tokens, the specialist's profile, API keys and services, and operator settings.
 * Mounted before `meRoutes`, whose `/v1/me/services` list and update it shares: its
 * authentication runs first for every `/v1/me` path, and the later copy lets the request through.
 */
export function accountRoutes(options: AccountRoutesOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const attempts = options.authAttemptsPerMinute ?? 10;

  app.use(routes.signup.path, rateLimit({ name: 'signup', limit: attempts }));
  app.use(routes.login.path, rateLimit({ name: 'login', limit: attempts }));
  app.use(routes.refreshTokens.path, rateLimit({ name: 'refresh', limit: 60 }));
  defineRoute(app, routes.signup, async ({ body }, c) => c.json(await signup(c.var.deps, body), 201, noStore));
  defineRoute(app, routes.login, async ({ body }, c) => c.json(await login(c.var.deps, body), 200, noStore));
  defineRoute(app, routes.refreshTokens, async ({ body }, c) => c.json(await refresh(c.var.deps, body), 200, noStore));
  defineRoute(app, routes.logout, async ({ body }, c) => {
    await logout(c.var.deps, body);
    return c.json({ loggedOut: true as const });
  });

  app.use('/v1/me', apiKeyAuth());
  app.use('/v1/me/*', apiKeyAuth());
  defineRoute(app, routes.retrieveProfile, async (_, c) => c.json(await retrieveProfile(c.var.deps, c.var.specialist)));
  defineRoute(app, routes.updateProfile, async ({ body }, c) => c.json(await updateProfile(c.var.deps, c.var.specialist, body)));

  defineRoute(app, routes.listApiKeys, async (_, c) => c.json({ data: await listApiKeys(c.var.deps, c.var.specialist.id) }));
  defineRoute(app, routes.createApiKey, async ({ body }, c) =>
    c.json(await createApiKey(c.var.deps, c.var.specialist.id, body.name), 201, noStore),
  );
  defineRoute(app, routes.revokeApiKey, async ({ params }, c) =>
    c.json(await revokeApiKey(c.var.deps, c.var.specialist.id, params.id)),
  );
  defineRoute(app, routes.rotateApiKey, async ({ params }, c) =>
    c.json(await rotateApiKey(c.var.deps, c.var.specialist.id, params.id), 201, noStore),
  );

  // Listing and updating services are in `meRoutes`, with the availability rules.
  defineRoute(app, routes.retrieveService, async ({ params }, c) => c.json(await myService(c.var.deps, c.var.specialist, params.id)));
  defineRoute(app, routes.createService, async ({ body }, c) =>
    c.json(await createService(c.var.deps, c.var.specialist, body), 201),
  );
  defineRoute(app, routes.archiveService, async ({ params }, c) => c.json(await archiveService(c.var.deps, c.var.specialist, params.id)));

  app.use('/v1/operator/*', sessionAuth({ role: 'operator' }));
  defineRoute(app, routes.retrievePlatformSettings, async (_, c) => c.json(await readPlatformSettings(c.var.deps)));
  defineRoute(app, routes.updatePlatformSettings, async ({ body }, c) => {
    const { accountId } = c.var.principal as Extract<Principal, { kind: 'accessToken' }>; // sessionAuth lets nothing else through
    return c.json(await updatePlatformSettings(c.var.deps, body, accountId));
  });
  return app;
}
