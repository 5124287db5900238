import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverEntry = fileURLToPath(new URL('../../server/dist/node.js', import.meta.url));

/**
 * Starts the real Slotwise API on a random port over a fresh libSQL file seeded with the
 * `demo` specialist, building the server package first when its dist is missing.
 */
export async function startApi() {
  if (!existsSync(serverEntry)) {
    execFileSync('pnpm', ['--filter', '@slotwise/server', 'build'], { stdio: 'inherit' });
  }
  const { startServer } = await import('@slotwise/server/node');
  const file = join(tmpdir(), `slotwise-widget-test-${randomBytes(6).toString('hex')}.db`);
  const server = await startServer({ databaseUrl: `file:${file}`, port: 0, seed: 'demo' });
  return {
    url: server.url,
    async close() {
      await server.close();
      for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    },
  };
}

/**
 * Koa middleware forwarding `/v1/*` to the API, so tests can also use the page's own origin
 * (the widget's default when there is no `api` attribute).
 */
export function proxyApi(getUrl) {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/v1/')) return next();
    const hasBody = !['GET', 'HEAD'].includes(ctx.method);
    const response = await fetch(`${getUrl()}${ctx.url}`, {
      method: ctx.method,
      headers: Object.fromEntries(Object.entries(ctx.headers).filter(([name]) => !['host', 'connection'].includes(name))),
      body: hasBody ? ctx.req : undefined,
      duplex: hasBody ? 'half' : undefined,
    });
    ctx.status = response.status;
    response.headers.forEach((value, name) => {
      if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)) ctx.set(name, value);
    });
    ctx.body = Buffer.from(await response.arrayBuffer());
  };
}
