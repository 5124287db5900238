import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './node.js';
import { startMailbox, type Mailbox } from './providers/mail/mailbox.js';
import { seedDemo } from './seed.js';
import { bookDemoFree } from './testing/book-free.js';

// The production entry as an operator runs it: `node dist/main.js`, configured only by its
// environment, logging JSON lines on stdout, stopped by SIGTERM.

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

interface Run {
  stdout: string[];
  stderr: string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Resolves with the first stdout line that parses as JSON and matches `test`. */
  line(test: (entry: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  kill(signal: NodeJS.Signals): void;
}

const dirs: string[] = [];
const running: Run[] = [];
afterEach(() => {
  for (const run of running.splice(0)) run.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts `node dist/main.js` with only `env` (and PATH): nothing leaks in from the test's own environment. */
function start(env: Record<string, string>): Run {
  expect(existsSync(main), 'build the server first (pnpm build)').toBe(true);
  const child = spawn(process.execPath, [main], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const run: Run = {
    stdout: [],
    stderr: '',
    exited: new Promise((done) => child.on('exit', (code) => done(code))),
    line: (test) =>
      new Promise((resolve, reject) => {
        const look = () => {
          for (const text of run.stdout) {
            const entry = parse(text);
            if (entry && test(entry)) return resolve(entry), true;
          }
          return false;
        };
        if (look()) return;
        child.stdout.on('data', () => void look());
        void run.exited.then((code) => look() || reject(new Error(`main.js exited (${code}) first:\n${run.stdout.join('\n')}\n${run.stderr}`)));
      }),
    kill: (signal) => void child.kill(signal),
  };
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    run.stdout.push(...lines);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (run.stderr += chunk));
  running.push(run);
  return run;
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function tempDatabaseUrl(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-main-'));
  dirs.push(dir);
  return `file:${join(dir, 'nested', 'slotwise.db')}`;
}

/** A database file with the demo specialist in it, as an operator's would have its specialists. */
async function seededDatabaseUrl(): Promise<string> {
  const url = tempDatabaseUrl();
  const database = await openDatabase(url);
  await seedDemo(database, { kdfIterations: 1000 });
  database.close();
  return url;
}

const mailboxes: Mailbox[] = [];
afterEach(async () => {
  for (const mailbox of mailboxes.splice(0)) await mailbox.close();
});

/** `node dist/main.js` on a file with the demo specialist, sending mail to a local mailbox; resolves once it listens. */
async function startWithMail(env: Record<string, string>) {
  const mailbox = await startMailbox();
  mailboxes.push(mailbox);
  const run = start({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: await seededDatabaseUrl(), SLOTWISE_JWT_SECRET: 'a-long-random-test-secret-0123456789', SMTP_URL: mailbox.url, MAIL_FROM: 'Slotwise <bookings@example.com>', PUBLIC_API_URL: 'https://api.example.com', ...env });
  const listening = await run.line((entry) => entry.msg === 'listening');
  return { mailbox, run, listening };
}

describe('the production entry (node dist/main.js)', () => {
  it('serves the widget’s files from SLOTWISE_WIDGET_DIR, the console’s page and a hosted booking page', async () => {
    const widget = mkdtempSync(join(tmpdir(), 'slotwise-widget-'));
    dirs.push(widget);
    mkdirSync(join(widget, 'console'));
    writeFileSync(join(widget, 'console', 'console.js'), 'export const built = true;');
    const run = start({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: tempDatabaseUrl(), SLOTWISE_JWT_SECRET: 'a-long-random-test-secret-0123456789', SLOTWISE_WIDGET_DIR: widget });
    const listening = await run.line((entry) => entry.msg === 'listening');
    expect(listening.widget).toBe(widget);
    const url = String(listening.url);
    const script = await fetch(`${url}/widget/console/console.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export const built = true;');
    const shell = await (await fetch(`${url}/console`)).text();
    expect(shell).toContain(`<slotwise-console api="${url}"></slotwise-console>`);
    const missing = await fetch(`${url}/nobody`); // no specialists in a fresh database
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('No booking page here');
    run.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 30_000);

  it('serves /health and /ready on a free port, logs one JSON line per request, and stops on SIGTERM with 0', async () => {
    const run = start({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: tempDatabaseUrl(), SLOTWISE_JWT_SECRET: 'a-long-random-test-secret-0123456789', NODE_ENV: 'production' });
    const listening = await run.line((entry) => entry.msg === 'listening');
    expect(listening).toMatchObject({ level: 'info', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    const url = String(listening.url);
    expect(url).not.toMatch(/:0$/);

    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    // A query string may carry a token (receipt links do): it must never reach the log.
    const ready = await fetch(`${url}/ready?token=secret-in-the-query`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const id = ready.headers.get('x-request-id');
    expect(id).toBeTruthy();

    const logged = await run.line((entry) => entry.msg === 'request' && entry.requestId === id);
    expect(logged).toMatchObject({ level: 'info', method: 'GET', path: '/ready', status: 200, time: expect.any(String) });
    expect(run.stdout.filter((text) => text.includes(id!))).toHaveLength(1);
    expect(run.stdout.join('\n')).not.toContain('secret-in-the-query');
    expect(run.stdout.join('\n')).not.toContain('a-long-random-test-secret');
    // Every line on stdout is one JSON object, for a log pipeline.
    for (const text of run.stdout.filter(Boolean)) expect(parse(text), text).toBeDefined();

    run.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 30_000);

  it('refuses to start on a bad environment value, with exit 1 and a sentence naming the variable', async () => {
    const run = start({ PORT: '0', DATABASE_URL: tempDatabaseUrl(), HOLD_MINUTES: 'abc' });
    expect(await run.exited).toBe(1);
    expect(run.stderr).toMatch(/HOLD_MINUTES must be a whole number .*"abc"/);
    expect(run.stdout.join('\n')).not.toContain('listening');
  }, 30_000);

  it('delivers on a worker thread of its own: a booking’s email arrives, its delivery lines say thread "deliveries", and SIGTERM still ends with 0', async () => {
    const { mailbox, run, listening } = await startWithMail({});
    expect(listening.deliveries).toBe('worker');
    expect((await bookDemoFree(String(listening.url), 'ada@example.com')).status).toBe(201);
    const [confirmation] = await mailbox.waitFor((messages) => messages.some((m) => m.to.includes('ada@example.com')), 20_000);
    expect(confirmation!.subject).toBeTruthy();
    const sent = await run.line((entry) => entry.msg === 'delivery' && entry.channel === 'email' && entry.outcome === 'sent');
    expect(sent.thread).toBe('deliveries');
    // Requests are still answered and logged by the thread that serves them.
    const request = await run.line((entry) => entry.msg === 'request' && entry.path === '/v1/bookings');
    expect(request.thread).toBeUndefined();
    run.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 60_000);

  it('delivers on the thread that serves requests with SLOTWISE_DELIVERIES=inline, and refuses any other value with a sentence', async () => {
    const { mailbox, run, listening } = await startWithMail({ SLOTWISE_DELIVERIES: 'inline' });
    expect(listening.deliveries).toBe('inline');
    expect((await bookDemoFree(String(listening.url), 'grace@example.com')).status).toBe(201);
    await mailbox.waitFor((messages) => messages.some((m) => m.to.includes('grace@example.com')), 20_000);
    const sent = await run.line((entry) => entry.msg === 'delivery' && entry.channel === 'email' && entry.outcome === 'sent');
    expect(sent.thread).toBeUndefined();
    run.kill('SIGTERM');
    expect(await run.exited).toBe(0);

    const wrong = start({ PORT: '0', DATABASE_URL: tempDatabaseUrl(), SLOTWISE_DELIVERIES: 'threads' });
    expect(await wrong.exited).toBe(1);
    expect(wrong.stderr).toMatch(/SLOTWISE_DELIVERIES must be "worker" .* or "inline" .*; got "threads"/);
  }, 60_000);

  it('refuses a short SLOTWISE_JWT_SECRET or SLOTWISE_SECRETS_KEY in production, saying how to make one', async () => {
    for (const name of ['SLOTWISE_JWT_SECRET', 'SLOTWISE_SECRETS_KEY']) {
      const run = start({ PORT: '0', DATABASE_URL: tempDatabaseUrl(), SLOTWISE_JWT_SECRET: 'a-long-random-test-secret-0123456789', [name]: 'secret123', NODE_ENV: 'production' });
      expect(await run.exited).toBe(1);
      expect(run.stderr).toContain(`${name} must be at least 32 characters in production`);
      expect(run.stderr).toContain('openssl rand -base64 48');
      expect(run.stdout.join('\n')).not.toContain('listening');
    }
  }, 30_000);

  it('refuses the offline test-payments mode in production', async () => {
    const run = start({ PORT: '0', DATABASE_URL: tempDatabaseUrl(), SLOTWISE_PAYMENTS: 'offline', NODE_ENV: 'production' });
    expect(await run.exited).toBe(1);
    expect(run.stderr).toMatch(/Slotwise could not start: .*production/i);
  }, 30_000);
});
