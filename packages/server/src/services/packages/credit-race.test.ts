import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { createDb } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { seedDemo } from '../../seed.js';
import { raceForCredits, type Server } from '../../testing/credit-race.js';
import { serverProcesses } from '../../testing/server-process.js';

// In one process the writes of parallel requests hardly ever interleave; two processes on one file
// race for real, so only the guarded batch keeps a credit from being spent twice. The race itself
// (`testing/credit-race.ts`) runs on D1 through two isolates too (`credit-race-d1.test.ts`).
describe('credits across processes', () => {
  it('spends each credit once when 12 bookings race for 2 credits through two server processes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-credits-'));
    const databaseUrl = `file:${join(dir, 'shared.db')}`;
    const seeding = createDb(databaseUrl, { timeout: 5000 });
    await migrate(seeding);
    const { apiKey } = await seedDemo(seeding, { kdfIterations: 1000 }); // the key is shown to whoever seeds
    seeding.close();

    const processes = serverProcesses({ ...process.env, STRIPE_SECRET_KEY: '' });
    const start = () => processes.start({ databaseUrl, payments: 'offline' });
    try {
      const [a, b] = await Promise.all([start(), start()]);
      const server = (url: string): Server => (path, init) => fetch(url + path, init);
      await raceForCredits(server(a), server(b), apiKey!);
    } finally {
      processes.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
