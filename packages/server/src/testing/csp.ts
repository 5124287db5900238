/** The directives of a Content-Security-Policy header, by name: `script-src` → `'self'`. */
export const cspDirectives = (csp: string | null): Map<string, string> =>
  new Map((csp ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')]));
