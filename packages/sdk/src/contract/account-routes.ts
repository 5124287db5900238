import type { RouteSpec } from './route-spec.js';

/** Sign-up, login, tokens, profile, API keys, services and operator settings. */
export const accountRoutes = {} as const satisfies Record<string, RouteSpec>;
