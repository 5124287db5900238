import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// What `node dist/main.js` loads by the time it serves: a loader hook (`--import`) records every
// module file Node loads, and the packages only some requests need must not be among them until
// such a request comes. A maintainer would notice the start-up time and memory otherwise.

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'slotwise-start-loads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Loaded on first use only (the edge's lazy imports, `docs/edge.md`, and jose for tokens). */
const LAZY = ['stripe', 'ical.js', 'nodemailer', 'undici', 'smtp-server', 'mailparser', 'jose'];

/** The packages among the recorded module URLs (pnpm's layout: …/node_modules/<name>/…). */
function packagesLoaded(record: string): Set<string> {
  const names = readFileSync(record, 'utf8')
    .split('\n')
    .map((url) => url.match(/\/node_modules\/((?:@[^/]+\/)?[^/.][^/]*)\/(?!.*\/node_modules\/)/)?.[1])
    .filter((name): name is string => Boolean(name));
  return new Set(names);
}

describe('starting the built server (node dist/main.js)', () => {
  it('loads neither Stripe, the ICS parser, mail, undici nor jose until a request needs one', async () => {
    expect(existsSync(main), 'build the server first (pnpm build)').toBe(true);
    const record = join(dir, 'loaded.txt');
    writeFileSync(record, '');
    const hooks = `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(record)}, url + '\\n'); return next(url, context); }\n`;
    writeFileSync(join(dir, 'hooks.mjs'), hooks);
    writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
    const child = spawn(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, main], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `file:${join(dir, 'start.db')}`, SLOTWISE_JWT_SECRET: 'a-long-random-test-secret-0123456789', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const url = await new Promise<string>((found, failed) => {
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          output += chunk;
          const listening = output.match(/"msg":"listening","url":"(http:[^"]+)"/);
          if (listening) found(listening[1]!);
        });
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
        child.once('exit', (code) => failed(new Error(`main.js exited (${code}):\n${output}`)));
      });
      expect(await (await fetch(`${url}/ready`)).json()).toEqual({ status: 'ready' });
      expect((await fetch(`${url}/health`)).status).toBe(200);
      expect((await fetch(`${url}/v1/specialists/nobody/services`)).status).toBe(404);

      const atStart = packagesLoaded(record);
      expect([...atStart]).toEqual(expect.arrayContaining(['hono', 'drizzle-orm', 'zod']));
      expect(LAZY.filter((name) => atStart.has(name))).toEqual([]);

      // The first signed-in request checks a token: jose comes in then, and only then.
      const me = await fetch(`${url}/v1/me/profile`, { headers: { authorization: 'Bearer aaa.bbb.ccc' } });
      expect(me.status).toBe(401);
      expect(packagesLoaded(record).has('jose')).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
