import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { seedDemo } from '../../seed.js';

// In one process the transactions of parallel requests hardly ever interleave; two processes on
// one file race for real, so only the write transaction keeps a credit from being spent twice.
describe('credits across processes', () => {
  it('spends each credit once when 12 bookings race for 2 credits through two server processes', async () => {
    const dist = fileURLToPath(new URL('../../../dist/node.js', import.meta.url));
    expect(existsSync(dist), 'build the server first (pnpm build)').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-credits-'));
    const databaseUrl = `file:${join(dir, 'shared.db')}`;
    const seeding = createDb(databaseUrl, { timeout: 5000 });
    await migrate(seeding);
    const { apiKey } = await seedDemo(seeding, { kdfIterations: 1000 }); // the key is shown to whoever seeds
    seeding.close();

    const script = `const { startServer } = await import(${JSON.stringify(dist)});
      const s = await startServer({ databaseUrl: ${JSON.stringify(databaseUrl)}, port: 0, rateLimits: false, tickEveryMs: 0, log: () => {}, payments: 'offline' });
      console.log(JSON.stringify({ url: s.url }));`;
    const children: ChildProcess[] = [];
    const start = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, STRIPE_SECRET_KEY: '' } });
        children.push(child);
        child.stdout!.on('data', (chunk: Buffer) => {
          const line = chunk.toString().split('\n').find((l) => l.startsWith('{'));
          if (line) resolve(JSON.parse(line).url);
        });
        child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
    const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    };
    try {
      const [a, b] = await Promise.all([start(), start()]);
      const profile = await (await fetch(`${a}/v1/specialists/demo`)).json();
      const service = profile.services[1].id;
      const pkg = await post(`${a}/v1/me/packages`, { name: 'Two free sessions', sessionCount: 2, serviceIds: [service], price: 0, validityDays: 30 }, { authorization: `Bearer ${apiKey}` });
      expect(pkg.status).toBe(201);
      const customer = { name: 'Grace', email: 'grace@example.com', timeZone: 'UTC' };
      const { creditsToken } = (await post(`${b}/v1/packages/${pkg.body.id}/purchases`, { customer })).body;
      const slots = await (await fetch(`${a}/v1/specialists/demo/slots?service=${service}`)).json();
      const starts = slots.days.flatMap((d: { slots: { start: string }[] }) => d.slots.map((s) => s.start)).slice(0, 12);
      expect(starts).toHaveLength(12);

      const results = await Promise.all(
        starts.map((start: string, i: number) => post(`${i % 2 ? a : b}/v1/bookings`, { specialist: 'demo', service, start, customer, credit: { token: creditsToken } })),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(2);
      expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(10).fill('no_credit'));
      const balance = await (await fetch(`${b}/v1/credits`, { headers: { authorization: `Bearer ${creditsToken}` } })).json();
      expect(balance.total).toBe(0);
    } finally {
      for (const child of children) child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
