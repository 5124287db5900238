import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { accounts, specialists } from './db/schema.js';
import { seedDemo } from './seed.js';
import { verifyPassword } from './services/accounts/passwords.js';

let dir: string;
let database: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slotwise-seed-'));
  database = createDb(`file:${join(dir, 'seed.db')}`, { timeout: 5000 });
  await migrate(database);
});
afterEach(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('seedDemo', () => {
  it('creates the demo specialist’s login and the operator, each with a random password shown once', async () => {
    const first = await seedDemo(database, { kdfIterations: 1000 });
    expect(first).toMatchObject({ created: true, apiKey: expect.stringMatching(/^sk_/) });
    expect(first.demoPassword).toMatch(/^[\w-]{16}$/);
    expect(first.operatorPassword).toMatch(/^[\w-]{16}$/);
    expect(first.operatorPassword).not.toBe(first.demoPassword);
    const rows = await database.db.select().from(accounts).orderBy(accounts.email);
    const [demo] = await database.db.select().from(specialists).where(eq(specialists.handle, 'demo'));
    expect(rows.map((a) => [a.email, a.role, a.specialistId])).toEqual([
      ['demo@slotwise.local', 'specialist', demo!.id],
      ['operator@slotwise.local', 'operator', null],
    ]);
    expect(await verifyPassword(first.operatorPassword!, rows[1]!.passwordHash)).toBe(true);

    const second = await seedDemo(database, { kdfIterations: 1000 });
    expect(second).toEqual({ created: false });
    expect(await database.db.select().from(accounts)).toHaveLength(2);
  });

  it('adds the logins to a demo database made before accounts existed', async () => {
    await seedDemo(database, { kdfIterations: 1000 });
    await database.db.delete(accounts);
    const again = await seedDemo(database, { kdfIterations: 1000 });
    expect(again.created).toBe(false);
    expect(again.apiKey).toBeUndefined();
    expect(again.demoPassword).toBeDefined();
    expect(again.operatorPassword).toBeDefined();
  });
});
