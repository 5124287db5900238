import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { Readable } from 'node:stream';
import { Miniflare } from 'miniflare';
import type { D1Binding } from '../db/d1.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The latest date this workerd (4.20260426) knows. */
export const COMPATIBILITY_DATE = '2026-04-26';

/** One Worker of a Miniflare: the built module at `scriptPath` under `name`, with text `bindings`. */
export function workerOptions(name: string, scriptPath: string, bindings: Record<string, string>) {
  // Module names are paths below `modulesRoot`: workerd refuses a `..` out of it.
  return { name, modules: true as const, scriptPath, modulesRoot: dirname(scriptPath), compatibilityDate: COMPATIBILITY_DATE, bindings };
}

/** Builds the Workers entry with the real script (`scripts/build-edge.mjs`, no `nodejs_compat`) into `outdir`. @returns the bundle's path */
export async function buildWorker(outdir: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['scripts/build-edge.mjs', '--json', '--outdir', outdir], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  return (JSON.parse(stdout) as { file: string }).file;
}

/** The Slotwise Worker running in workerd through Miniflare, over one D1 database shared by its variants. */
export interface Workerd {
  mf: Miniflare;
  /** The D1 database bound as `DB`, as Node reaches it (Miniflare's proxy). */
  d1: D1Binding;
  /** A request to the Worker named `name` (the first one by default), through workerd's HTTP stack. */
  fetch(name: string | undefined, url: string, init?: RequestInit): Promise<Response>;
  /** The JSON log lines the Workers printed so far (`console.log` in workerd). */
  logs(): Record<string, unknown>[];
  dispose(): Promise<void>;
}

/**
 * Starts workerd with the built Worker once per entry of `variants` (name → text bindings), all of
 * them bound to ONE in-memory D1 database as `DB`, with no compatibility flags — `nodejs_compat`
 * off, as in production.
 */
export async function startWorkerd(scriptPath: string, variants: Record<string, Record<string, string>>): Promise<Workerd> {
  const lines: string[] = [];
  const collect = (stream: Readable) => {
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const text = rest + chunk.toString('utf8');
      const parts = text.split('\n');
      rest = parts.pop()!;
      lines.push(...parts);
    });
  };
  const mf = new Miniflare({
    workers: Object.entries(variants).map(([name, bindings]) => ({ ...workerOptions(name, scriptPath, bindings), d1Databases: { DB: 'slotwise-test' } })),
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      collect(stdout);
      collect(stderr);
    },
  });
  await mf.ready.catch((error: unknown) => {
    throw new Error(`workerd did not start:\n${lines.join('\n')}`, { cause: error });
  });
  const d1 = (await mf.getD1Database('DB')) as unknown as D1Binding;
  return {
    mf,
    d1,
    async fetch(name, url, init) {
      const worker = (await mf.getWorker(name)) as unknown as { fetch(url: string, init?: RequestInit): Promise<Response> };
      // Miniflare hands the body over as encoded: ask for it plain unless the test asks otherwise.
      const headers = new Headers(init?.headers);
      if (!headers.has('accept-encoding')) headers.set('accept-encoding', 'identity');
      return worker.fetch(url, { ...init, headers });
    },
    logs: () => lines.filter((l) => l.trimStart().startsWith('{')).map((l) => JSON.parse(l.slice(l.indexOf('{'))) as Record<string, unknown>),
    dispose: () => mf.dispose(),
  };
}
