import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// What `node dist/main.js` loads, and when: a loader hook (`--import`) records every module file
// Node loads. The port must open before any package loads (`/health` answers while the API
// loads, `listen.ts`), and the packages only some requests need must not be loaded until such a
// request comes. A maintainer would notice the start-up time and memory otherwise.

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'slotwise-start-loads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Loaded on first use only (the edge's lazy imports, `docs/edge.md`, jose for tokens, ical-generator for invites). */
const LAZY = ['stripe', 'ical.js', 'nodemailer', 'undici', 'smtp-server', 'mailparser', 'jose', 'ical-generator'];

/** The package of a module URL (pnpm's layout: …/node_modules/<name>/…; the workspace's SDK from its folder). */
const packageOf = (url: string) => (url.includes('/packages/sdk/') ? '@slotwise/sdk' : url.match(/\/node_modules\/((?:@[^/]+\/)?[^/.][^/]*)\/(?!.*\/node_modules\/)/)?.[1]);

/** The packages among the recorded module URLs. */
function packagesLoaded(record: string): Set<string> {
  const names = readFileSync(record, 'utf8').split('\n').map(packageOf);
  return new Set(names.filter((name): name is string => Boolean(name)));
}

/**
 * Starts `dist/main.js` with a hook recording each module once loaded in `<name>.txt`. With
 * `hold`, every module from `node_modules` waits in the hook until `release()` (the start can go no
 * further than what it does before its first package).
 */
function startRecorded(name: string, { hold = false } = {}) {
  const record = join(dir, `${name}.txt`);
  const released = join(dir, `${name}.released`);
  writeFileSync(record, '');
  const hooks = `import { appendFileSync, existsSync } from 'node:fs';
const hold = ${hold} && ((url) => url.includes('/node_modules/'));
export async function load(url, context, next) {
  while (hold && hold(url) && !existsSync(${JSON.stringify(released)})) await new Promise((turn) => setTimeout(turn, 5));
  const loaded = await next(url, context);
  appendFileSync(${JSON.stringify(record)}, url + '\\n');
  return loaded;
}\n`;
  writeFileSync(join(dir, `${name}-hooks.mjs`), hooks);
  writeFileSync(join(dir, `${name}-register.mjs`), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, `${name}-hooks.mjs`)).href)});\n`);
  const child = spawn(process.execPath, ['--import', pathToFileURL(join(dir, `${name}-register.mjs`)).href, main], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `file:${join(dir, `${name}.db`)}`, SLOTWISE_JWT_SECRET: 'a-long-random-test-secret-0123456789', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  /** The `url` of the first log line with `msg` (`starting`: the port is open; `listening`: the app serves). */
  const logged = (msg: string) =>
    new Promise<string>((found, failed) => {
      const look = () => {
        const match = output.match(new RegExp(`"msg":"${msg}","url":"(http:[^"]+)"`));
        if (match) found(match[1]!);
        return Boolean(match);
      };
      if (look()) return;
      const onData = () => look() && child.stdout.off('data', onData);
      child.stdout.on('data', onData);
      child.once('exit', (code) => failed(new Error(`main.js exited (${code}):\n${output}`)));
      // Held packages never load: a start that needs one before its port opens never says `starting`.
      setTimeout(() => failed(new Error(`main.js did not log "${msg}" within 20 s${hold ? ' with every package held back: it loads one before opening its port' : ''}:\n${output}`)), 20_000).unref();
    });
  return { record, logged, release: () => writeFileSync(released, ''), stop: () => child.kill('SIGKILL') };
}

describe('starting the built server (node dist/main.js)', () => {
  it('opens its port and answers /health before loading any package; early requests wait for the app', async () => {
    expect(existsSync(main), 'build the server first (pnpm build)').toBe(true);
    const server = startRecorded('held', { hold: true });
    try {
      // Every package is held back: only what main.ts runs before its first package can happen.
      const url = await server.logged('starting');
      expect([...packagesLoaded(server.record)]).toEqual([]);
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'starting' });
      expect([...packagesLoaded(server.record)]).toEqual([]);

      // A request of the API sent meanwhile waits for the app: answered by it, not refused.
      const early = fetch(`${url}/v1/specialists/nobody/services`);
      server.release();
      await server.logged('listening');
      const answer = await early;
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await (await fetch(`${url}/ready`)).json()).toEqual({ status: 'ready' });

      // Every package main.ts loads in a stage of its own (start-stages.ts) is one the API loads:
      // a stale stage would load what no request needs.
      const staged = [...readFileSync(main, 'utf8').matchAll(/import\("([^".][^"]*)"\)/g)].map(([, specifier]) => specifier!.match(/^(@[^/]+\/)?[^/]+/)![0]);
      expect(staged.length).toBeGreaterThan(5);
      const loaded = packagesLoaded(server.record);
      expect(staged.filter((name) => !loaded.has(name))).toEqual([]);
    } finally {
      server.stop();
    }
  }, 60_000);

  it('loads neither Stripe, the ICS parser or writer, mail, undici nor jose until a request needs one', async () => {
    expect(existsSync(main), 'build the server first (pnpm build)').toBe(true);
    const server = startRecorded('lazy');
    try {
      const url = await server.logged('listening');
      expect(await (await fetch(`${url}/ready`)).json()).toEqual({ status: 'ready' });
      expect((await fetch(`${url}/health`)).status).toBe(200);
      expect((await fetch(`${url}/v1/specialists/nobody/services`)).status).toBe(404);

      const atStart = packagesLoaded(server.record);
      expect([...atStart]).toEqual(expect.arrayContaining(['hono', 'drizzle-orm', 'zod']));
      expect(LAZY.filter((name) => atStart.has(name))).toEqual([]);

      // The first signed-in request checks a token: jose comes in then, and only then.
      const me = await fetch(`${url}/v1/me/profile`, { headers: { authorization: 'Bearer aaa.bbb.ccc' } });
      expect(me.status).toBe(401);
      expect(packagesLoaded(server.record).has('jose')).toBe(true);
    } finally {
      server.stop();
    }
  }, 60_000);
});
