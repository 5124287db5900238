import { Miniflare } from 'miniflare';
import type { D1Binding } from '../db/d1.js';

/** A D1 database inside workerd (Miniflare), reachable from a Node test. */
export interface TestD1 {
  /** The binding as Node sees it: Miniflare's proxy, each call run by D1 in workerd. */
  binding: D1Binding;
  mf: Miniflare;
  dispose(): Promise<void>;
}

/**
 * Starts workerd with one in-memory D1 database bound as `DB` and a Worker that does nothing, for
 * tests of `db/d1.ts` that drive the database from Node. Tests of the Slotwise Worker itself
 * start Miniflare with the built bundle instead (`edge-d1.test.ts`).
 */
export async function startTestD1(): Promise<TestD1> {
  const mf = new Miniflare({ modules: true, script: 'export default { fetch: () => new Response(null, { status: 204 }) };', d1Databases: ['DB'] });
  const binding = (await mf.getD1Database('DB')) as unknown as D1Binding;
  return { binding, mf, dispose: () => mf.dispose() };
}
