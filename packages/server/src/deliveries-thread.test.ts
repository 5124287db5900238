import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startMailbox, type Mailbox } from './providers/mail/mailbox.js';
import type { LogEntry } from './services/log.js';
import { bookDemoFree } from './testing/book-free.js';

// The delivery worker is a file of the build (`dist/delivery-worker.js`), so this test starts the
// built server, as `node dist/main.js` does (main.test.ts runs that one end to end).
const built = fileURLToPath(new URL('../dist/node.js', import.meta.url));
type NodeEntry = typeof import('./node.js');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the delivery worker (startServer({ deliveries: "worker" }))', () => {
  it('goes on delivering from the thread that serves requests when the worker stops unasked, and says so in the log', async () => {
    expect(existsSync(built), 'build the server first (pnpm build)').toBe(true);
    const { optionsFromEnv, startServer } = (await import(built)) as NodeEntry;
    const mailbox: Mailbox = await startMailbox();
    cleanups.push(() => mailbox.close());
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-worker-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const env = { SMTP_URL: mailbox.url, MAIL_FROM: 'Slotwise <bookings@example.com>', PUBLIC_API_URL: 'https://api.example.com' };
    const lines: LogEntry[] = [];
    const server = await startServer({ ...optionsFromEnv(env), deliveries: 'worker', deliveryEnv: env, databaseUrl: `file:${join(dir, 'db.sqlite')}`, port: 0, seed: 'demo', kdfIterations: 1000, rateLimits: false, log: (line) => lines.push(line) });
    cleanups.push(() => server.close());
    const sent = () => lines.filter((l) => l.msg === 'delivery' && l.channel === 'email' && l.outcome === 'sent');

    expect((await bookDemoFree(server.url, 'first@example.com', 0)).status).toBe(201);
    await mailbox.waitFor((messages) => messages.some((m) => m.to.includes('first@example.com')), 20_000);
    await expect.poll(() => sent().length).toBeGreaterThan(0);
    expect(sent().every((l) => l.thread === 'deliveries')).toBe(true);

    await server.deliveryWorker!.terminate();
    await expect.poll(() => lines.some((l) => l.level === 'error' && String(l.msg).startsWith('delivery worker stopped'))).toBe(true);
    lines.length = 0;

    expect((await bookDemoFree(server.url, 'second@example.com', 1)).status).toBe(201);
    await mailbox.waitFor((messages) => messages.some((m) => m.to.includes('second@example.com')), 20_000);
    await expect.poll(() => sent().length).toBeGreaterThan(0);
    expect(sent().every((l) => l.thread === undefined)).toBe(true);
  }, 60_000);
});
