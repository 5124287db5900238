import { routes } from '@slotwise/sdk/contract';

/** Each contract route's method and its path as a pattern (`{id}` one segment). */
const patterns = Object.values(routes).map((spec) => ({
  method: spec.method.toUpperCase(),
  pattern: new RegExp(`^${spec.path.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+')}$`),
}));

/**
 * The methods the API takes at `path` (with HEAD beside GET, as Hono answers it), from the
 * contract's routes; empty when no route has that path. For the `405 method_not_allowed` a
 * request with another method gets, with an `Allow` header, instead of "no such endpoint".
 */
export function allowedMethods(path: string): string[] {
  const methods = new Set<string>();
  for (const { method, pattern } of patterns) {
    if (!pattern.test(path)) continue;
    methods.add(method);
    if (method === 'GET') methods.add('HEAD');
  }
  return [...methods];
}
