import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { bookings } from './db/schema.js';
import { startServer, type RunningServer } from './node.js';
import { silentLog } from './services/log.js';

/** `examples/sdk-node`, run as its README says, against a real server on the real clock. */
const script = fileURLToPath(new URL('../../../examples/sdk-node/book-next-slot.mjs', import.meta.url));

let server: RunningServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  server = dir = undefined;
});

function runExample(api: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env: { ...process.env, SLOTWISE_API: api }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('examples/sdk-node', () => {
  it('books, reads back and cancels on whatever day it runs (the demo lets a booking be cancelled until 24 hours before)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'slotwise-example-'));
    server = await startServer({ log: silentLog, databaseUrl: `file:${join(dir, 'demo.db')}`, port: 0, seed: 'demo', tickEveryMs: 0 });
    const { code, output } = await runExample(server.url);
    expect(output).toMatch(/^Booked Intro call at .+ \(bk_\w+\)\.$/m);
    expect(output).toContain('Status: confirmed');
    expect(output).toContain('Status after cancelling: cancelled');
    expect(code).toBe(0);
    const id = /\((bk_\w+)\)/.exec(output)![1]!;
    const [row] = await server.database.db.select({ status: bookings.status, startAt: bookings.startAt }).from(bookings).where(eq(bookings.id, id));
    expect(row!.status).toBe('cancelled');
    // A week or more ahead: outside every cancellation window the demo's services have.
    expect(row!.startAt).toBeGreaterThan(Date.now() + 6 * 86_400_000);
  }, 30_000);
});
