import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb } from '../../db/client.js';
import { deliveries } from '../../db/schema.js';
import { startMailbox, type Mailbox } from '../../providers/mail/mailbox.js';

// The built server as an operator runs it, its mail going over SMTP to a sink this test starts.
// A booking commits; the process is killed (SIGKILL) before anything is delivered; two servers
// then start on the same database, each running two drains at once — and every message the
// booking changes should produce arrives exactly once.

const dist = fileURLToPath(new URL('../../../dist/node.js', import.meta.url));

/**
 * One server process. `DISPATCH=off`: nothing is delivered after a commit and the scheduler never
 * runs (the state right after a crash between commit and delivery). `DISPATCH=on`: delivered
 * after each commit, a tick every 100 ms, and two drains at once right after the start.
 */
const script = `
const { startServer, optionsFromEnv } = await import(${JSON.stringify(dist)});
const on = process.env.DISPATCH === 'on';
const server = await startServer({
  ...optionsFromEnv(process.env),
  port: 0, seed: 'demo', payments: 'offline', rateLimits: false, kdfIterations: 1000, log: () => {},
  dispatchAfterCommit: on, tickEveryMs: on ? 100 : 0,
});
console.log(JSON.stringify({ url: server.url }));
if (on) {
  const [a, b] = await Promise.all([server.app.tick(), server.app.tick()]);
  console.log(JSON.stringify({ drains: [a.deliveries, b.deliveries] }));
}`;

const children: ChildProcess[] = [];
const dirs: string[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const close of closers.splice(0)) await close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function startProcess(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'], env: { PATH: process.env.PATH ?? '', ...env } });
    children.push(child);
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) resolve({ url: JSON.parse(line).url as string, child });
    });
    child.on('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) before listening`)));
  });
}

const killed = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

/** Two open starts of the intro call, from tomorrow on. */
async function twoStarts(url: string): Promise<{ service: string; starts: string[] }> {
  const profile = await (await fetch(`${url}/v1/specialists/demo`)).json();
  const service = profile.services[0].id as string;
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 16 * 86_400_000).toISOString().slice(0, 10);
  const slots = await (await fetch(`${url}/v1/specialists/demo/slots?service=${service}&from=${from}&to=${to}&timezone=UTC`)).json();
  const starts = slots.days.flatMap((d: { slots: { start: string }[] }) => d.slots.map((s) => s.start)) as string[];
  return { service, starts: [starts[0]!, starts[3]!] };
}

function environment(dir: string, smtp: string): Record<string, string> {
  return {
    DATABASE_URL: `file:${join(dir, 'slotwise.db')}`,
    SMTP_URL: smtp,
    MAIL_FROM: 'Slotwise <bookings@slotwise.test>',
    PUBLIC_API_URL: 'https://api.slotwise.test',
    SLOTWISE_JWT_SECRET: 'crash-test-secret-0123456789abcdef',
  };
}

describe('email across a crash (kill -9 between commit and delivery)', () => {
  it('sends every message exactly once after a restart, with two servers draining at once', async () => {
    expect(existsSync(dist), 'build the server first (pnpm build)').toBe(true);
    const sink: Mailbox = await startMailbox();
    closers.push(() => sink.close());
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-crash-'));
    dirs.push(dir);
    const env = environment(dir, sink.url);

    // 1. Book, move nothing, cancel one — every change committed, none delivered.
    const first = await startProcess({ ...env, DISPATCH: 'off' });
    const { service, starts } = await twoStarts(first.url);
    const customer = { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'America/New_York' };
    const kept = await post(`${first.url}/v1/bookings`, { specialist: 'demo', service, start: starts[0], customer });
    const dropped = await post(`${first.url}/v1/bookings`, { specialist: 'demo', service, start: starts[1], customer: { ...customer, name: 'Ada', email: 'ada@example.com' } });
    expect([kept.status, dropped.status]).toEqual([201, 201]);
    expect(kept.body.notifications).toEqual({ email: 'queued' });
    const cancelled = await post(`${first.url}/v1/bookings/${dropped.body.booking.id}/cancel`, {}, { authorization: `Bearer ${dropped.body.manageToken}` });
    expect(cancelled.status).toBe(200);
    first.child.kill('SIGKILL');
    await killed(first.child);
    expect(sink.messages()).toHaveLength(0); // nothing was sent before the crash

    // 2. Two servers on the same database, each draining twice at once on start, then ticking.
    await Promise.all([startProcess({ ...env, DISPATCH: 'on' }), startProcess({ ...env, DISPATCH: 'on' })]);
    const expected = [
      ['grace@example.com', 'Confirmed: Intro call'],
      ['demo@slotwise.local', 'New booking: Grace Hopper'],
      ['ada@example.com', 'Confirmed: Intro call'],
      ['demo@slotwise.local', 'New booking: Ada'],
      ['ada@example.com', 'Cancelled: Intro call'],
      ['demo@slotwise.local', 'Cancelled: Ada'],
    ];
    await sink.waitFor(expected.length, 30_000);

    // Settled: every email due now is sent (reminders wait for their time), and nothing is in flight.
    const db = createDb(env.DATABASE_URL!, { timeout: 5000 });
    closers.push(async () => db.close());
    const settledRows = async () => {
      for (let i = 0; i < 300; i++) {
        const rows = await db.db.select().from(deliveries).where(eq(deliveries.channel, 'email'));
        const due = rows.filter((d) => d.dueAt <= Date.now());
        if (due.length > 0 && due.every((d) => d.status === 'sent')) return rows;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('deliveries did not settle');
    };
    const rows = await settledRows();
    // A few more ticks of both servers: still nothing new.
    await new Promise((r) => setTimeout(r, 1000));

    const received = sink.messages();
    expect(received.map((m) => [m.to[0], m.subject.replace(/, .*$/, '')]).sort()).toEqual(expected.map(([to, subject]) => [to, subject]).sort());
    expect(new Set(received.map((m) => m.messageId)).size).toBe(received.length);
    const sent = rows.filter((d) => d.status === 'sent');
    expect(sent).toHaveLength(expected.length);
    expect(sent.map((d) => d.providerRef).sort()).toEqual(received.map((m) => m.messageId).sort());
    expect(rows.filter((d) => d.status === 'pending').every((d) => d.kind.endsWith('.reminder') || d.kind === 'customer.starting')).toBe(true);
  }, 90_000);

  it('answers a booking while the SMTP server hangs (accepts the connection, never greets)', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      silent.close(() => resolve());
    }));
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-hang-'));
    dirs.push(dir);
    const server = await startProcess({ ...environment(dir, `smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`), DISPATCH: 'on' });
    const { service, starts } = await twoStarts(server.url);
    const booked = await post(`${server.url}/v1/bookings`, { specialist: 'demo', service, start: starts[0], customer: { name: 'Grace', email: 'grace@example.com', timeZone: 'UTC' } });
    expect(booked.status).toBe(201);
    expect(booked.body.notifications).toEqual({ email: 'queued' });
    // The mail is being sent into the silence — and the server still answers.
    for (let i = 0; i < 300 && sockets.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(sockets.length).toBeGreaterThan(0);
    expect(sockets.some((s) => !s.destroyed)).toBe(true);
    const again = await post(`${server.url}/v1/bookings`, { specialist: 'demo', service, start: starts[1], customer: { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' } });
    expect(again.status).toBe(201);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  }, 60_000);
});
