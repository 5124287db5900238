/** Where the console is: `#/<screen>/<rest>?<query>`, e.g. `#/services/svc_1` → services, `svc_1`. */
export interface ConsoleRoute {
  screen: string;
  /** The rest of the path after the screen's name, without a leading slash ('' for none). */
  rest: string;
  query: URLSearchParams;
}

/** Reads a location hash; an empty one is home. */
export function parseHash(hash: string): ConsoleRoute {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', search = ''] = raw.split('?', 2);
  const [screen = '', ...rest] = path.split('/').filter(Boolean);
  return { screen: screen || 'home', rest: rest.join('/'), query: new URLSearchParams(search) };
}

/** The hash for a console route (`bookings/bk_1` → `#/bookings/bk_1`). */
export function hashFor(route: string): string {
  return `#/${route.replace(/^#?\/?/, '')}`;
}
