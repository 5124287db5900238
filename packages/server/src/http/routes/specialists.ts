import { routes } from '@slotwise/sdk/contract';
import { Hono, type Context } from 'hono';
import { encodedBody } from '../middleware/compress/index.js';
import type { AppEnv } from '../../app-env.js';
import { defineRoute } from '../define-route.js';
import { listSlots, repeatedSlots } from '../../services/availability/slots.js';
import { profileWithSlots } from '../../services/availability/first-open.js';

export function specialistRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  defineRoute(app, routes.retrieveSpecialist, async ({ params, query }, c) =>
    // With slots inside, never cached downstream, like the slots answer itself.
    c.json(await profileWithSlots(c.var.deps, params.handle, query), 200, query.include ? { vary: 'Origin', 'cache-control': 'no-cache' } : { vary: 'Origin' }),
  );
  // Never cached downstream: a stale slot is a bug. The server's own cache knows when to drop it.
  const headers = { 'content-type': 'application/json', 'cache-control': 'no-cache', vary: 'Origin, Accept-Encoding' };
  // A cached answer is the same bytes object each time: compressed once, then looked up.
  const send = async (c: Context<AppEnv>, bytes: Uint8Array<ArrayBuffer>) => {
    const { body, headers: encoding } = await encodedBody(c, c.var.deps.encoder, bytes);
    return c.body(body, 200, { ...headers, ...encoding });
  };
  // The widget asks the same URLs again and again: answer a repeat before parsing anything.
  app.get('/v1/specialists/:handle/slots', async (c, next) => {
    const body = repeatedSlots(c.var.deps, c.req.param('handle'), c.req.url);
    return body ? send(c, body) : next();
  });
  defineRoute(app, routes.listSlots, async ({ params, query }, c) => send(c, await listSlots(c.var.deps, params.handle, query, c.req.url)));
  return app;
}
