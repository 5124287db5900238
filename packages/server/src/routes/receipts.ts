import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { ProblemError } from '../http/problem.js';
import { bearerToken, hashToken } from '../http/tokens.js';
import { findByToken } from '../services/bookings.js';
import { receiptPage } from '../services/payments/receipt.js';

/**
 * `GET /v1/bookings/:id/receipt` — an HTML receipt for the holder of the manage token, sent as
 * `Authorization: Bearer` or, for a link in an email, as `?token=`.
 */
export function receiptRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/v1/bookings/:id/receipt', async (c) => {
    const token = bearerToken(c.req.header('authorization')) ?? c.req.query('token');
    if (!token) throw new ProblemError('manage_token_required', 'Open the receipt from the link in your confirmation, or send the manage token.');
    const booking = await findByToken(c.var.deps.database.db, c.req.param('id'), await hashToken(token));
    c.header('cache-control', 'private, no-store');
    c.header('referrer-policy', 'no-referrer'); // the token may be in the URL
    c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(await receiptPage(c.var.deps.database.db, booking));
  });
  return app;
}
