import type { Params } from '../../providers/payments/simulator/index.js';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** `a[b][]` → `['a', 'b', '']`. A key without brackets is one segment. */
function segments(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const parts = [key.slice(0, open)];
  for (const match of key.slice(open).matchAll(/\[([^\]]*)\]/g)) parts.push(match[1] ?? '');
  return parts;
}

const decode = (text: string) => {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
};

/**
 * Parses an `application/x-www-form-urlencoded` body (or query string) the way Stripe reads
 * parameters: bracketed keys nest (`metadata[booking_id]=bk_1` → `{ metadata: { booking_id: 'bk_1' } }`),
 * `a[]=x` appends to an array, indexed arrays (`expand[0]=x`, as the SDK sends them) stay objects
 * keyed by index, and every leaf is a string. Brackets may arrive encoded (`%5B`) or not.
 */
export function parseStripeForm(text: string): Params {
  const root: Params = {};
  if (!text) return root;
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = decode(eq === -1 ? '' : pair.slice(eq + 1));
    const path = segments(key);
    if (path.some((part) => FORBIDDEN.has(part))) continue;
    let node: Params | unknown[] = root;
    for (let i = 0; i < path.length; i += 1) {
      const part = path[i]!;
      const last = i === path.length - 1;
      if (Array.isArray(node)) {
        if (last) node.push(value);
        else node.push((node = {}));
        if (last) break;
        continue;
      }
      if (last) {
        node[part] = value;
        break;
      }
      const nextIsPush = path[i + 1] === '';
      const existing: unknown = node[part];
      const fits = nextIsPush ? Array.isArray(existing) : typeof existing === 'object' && existing !== null && !Array.isArray(existing);
      if (!fits) node[part] = nextIsPush ? [] : {};
      node = node[part] as Params | unknown[];
    }
  }
  return root;
}
