import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { seedDemo } from '../../seed.js';
import { raceForCredits, type Server } from '../../testing/credit-race.js';

// In one process the writes of parallel requests hardly ever interleave; two processes on one file
// race for real, so only the guarded batch keeps a credit from being spent twice. The race itself
// (`testing/credit-race.ts`) runs on D1 through two isolates too (`credit-race-d1.test.ts`).
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
    try {
      const [a, b] = await Promise.all([start(), start()]);
      const server = (url: string): Server => (path, init) => fetch(url + path, init);
      await raceForCredits(server(a), server(b), apiKey!);
    } finally {
      for (const child of children) child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
