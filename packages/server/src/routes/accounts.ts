import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';

/** Sign-up, login, tokens, profile, API keys, services and operator settings. */
export function accountRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
