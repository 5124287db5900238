/**
 * When a test page runs far longer than any test file should (the runner's own limit,
 * `testsFinishTimeout`, is 120 s; a file takes seconds), prints what the page is doing while it
 * still can: whether its main thread answers, whether it is visible and focused, the text it
 * shows (through shadow roots), the last requests the test server and the APIs saw, whether this
 * process's thread pool answers and what it has in flight, and every thread's native stack. A page
 * that never reports back otherwise leaves nothing but "did not finish" in the log.
 */

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';

/** The last requests, newest last: `note` adds one (the middleware and the APIs' logs call it). */
const recent = [];

export function note(line) {
  recent.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
  if (recent.length > 60) recent.shift();
}

/** A Koa middleware for the test server that notes each request. */
export function noteRequests() {
  return (ctx, next) => {
    note(`test server ${ctx.method} ${ctx.url}`);
    return next();
  };
}

const within = (promise, ms) => Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref())]);

/**
 * Runs in the page: where it is, whether it is visible and focused, the text it shows (through
 * shadow roots), and mocha's own account of each test — passed, failed with its message, or not
 * run —, which says whether the tests finished and only their report never reached the runner.
 */
const PAGE_STATE = `(() => {
  const text = (node) => node.nodeType === 3 ? node.textContent : node.nodeType !== 1 || /^(SCRIPT|STYLE)$/.test(node.tagName) ? '' : [...(node.shadowRoot ? node.shadowRoot.childNodes : []), ...node.childNodes].map(text).join(' ');
  const tests = [];
  const walk = (suite) => {
    for (const t of suite.tests) tests.push((t.state || 'running or not yet run') + ': ' + t.fullTitle().slice(0, 160) + (t.err ? ' — ' + String(t.err.message).replace(/\\s+/g, ' ').slice(0, 300) : ''));
    suite.suites.forEach(walk);
  };
  if (window.mocha && window.mocha.suite) walk(window.mocha.suite);
  return { url: location.pathname + location.search, visibility: document.visibilityState, focused: document.hasFocus(),
    active: document.activeElement && document.activeElement.tagName, shows: text(document.body).replace(/\\s+/g, ' ').trim().slice(0, 800), tests };
})()`;

async function diagnose(sessionId, page, seconds) {
  // The last requests first and what this process is doing last: a CI log cut short keeps its end.
  const lines = [`\n⏳ A test page has been running for ${seconds} s (session ${sessionId}).`];
  lines.push('  the last requests (test server and APIs; an API notes a request when it answers it):', ...recent.map((line) => `    ${line}`));
  // The page's own DevTools session: attaching a new one needs the page's answer.
  const cdp = typeof page._client === 'function' ? page._client() : await page.createCDPSession();
  const answer = await within(cdp.send('Runtime.evaluate', { expression: PAGE_STATE, returnByValue: true }), 3000);
  const state = answer?.result?.value;
  if (!state) lines.push('  the page: its main thread does not answer within 3 s: JavaScript that never yields (a loop), or a renderer that hangs');
  else {
    lines.push(`  the page: ${state.url} — ${state.visibility}, ${state.focused ? 'focused' : 'not focused'}, active element ${state.active}`);
    lines.push(`  it shows: ${state.shows || '(nothing)'}`);
    lines.push('  its tests, as mocha has them:', ...(state.tests.length ? state.tests : ['(none found)']).map((line) => `    ${line}`));
  }
  lines.push(`  this process (the runner and the APIs): ${await processState()}`);
  lines.push('  its threads, by what they are doing (the same stack counted once):', ...(await threadStacks()).map((line) => `    ${line}`));
  console.error(lines.join('\n'));
}

/**
 * The runner's own process, which serves the test files and runs the APIs: whether libuv's thread
 * pool answers (file reads, `crypto.subtle`, DNS lookups all wait for one of its 4 threads — a pool
 * held by slow lookups would leave requests unanswered while the event loop runs), and what is in
 * flight by kind (`GetAddrInfoReqWrap`: DNS lookups; `TCPSocketWrap`: connections; …).
 */
export async function processState() {
  const started = performance.now();
  const pool = await within(stat('/').then(() => performance.now() - started), 3000);
  const counts = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  const inFlight = Object.entries(counts).map(([kind, n]) => `${kind} ×${n}`).join(', ');
  return `${pool === undefined ? 'the thread pool does not answer within 3 s' : `the thread pool answers in ${pool.toFixed(0)} ms`}; in flight: ${inFlight || 'nothing'}`;
}

/**
 * What every thread of this process is doing, from its native stack (`gdb`, attached for a moment)
 * — the HTTP thread, the delivery workers, libuv's thread pool and V8's —, threads with the same
 * stack counted once; without gdb, each thread's kernel wait channel and system call (`/proc`).
 * Spawned (no thread-pool work), so it answers even when the pool is held.
 */
export async function threadStacks() {
  const output = await within(
    new Promise((resolve) => {
      const gdb = spawn('gdb', ['-p', String(process.pid), '-batch', '-ex', 'thread apply all bt 14'], { stdio: ['ignore', 'pipe', 'ignore'] });
      let text = '';
      gdb.stdout.on('data', (chunk) => (text += chunk));
      gdb.on('error', () => resolve(undefined));
      gdb.on('close', () => resolve(text));
    }),
    30_000,
  );
  const stacks = output ? summarizeBacktraces(output) : [];
  return stacks.length > 0 ? stacks : kernelWaits();
}

/** `gdb`'s `thread apply all bt` as one line per distinct stack, innermost frame first: "3× uv_cond_wait ← worker ← …". */
export function summarizeBacktraces(text) {
  const counts = new Map();
  for (const block of text.split(/\n(?=Thread \d+ )/)) {
    if (!block.startsWith('Thread ')) continue;
    const frames = [...block.matchAll(/^#\d+\s+(?:0x[0-9a-f]+ in )?(.+?) \(/gm)].map((m) => m[1].split('::').slice(-2).join('::'));
    const key = frames.filter((name) => !/^(__futex|__GI___futex|___?pthread_cond|__pthread_cond)/.test(name)).join(' ← ') || '(no frames)';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([stack, n]) => `${n}× ${stack}`);
}

function kernelWaits() {
  const read = (path) => {
    try {
      return readFileSync(path, 'utf8').trim();
    } catch {
      return '?';
    }
  };
  const counts = new Map();
  for (const tid of readdirSync('/proc/self/task')) {
    const key = `waits in ${read(`/proc/self/task/${tid}/wchan`) || 'nothing (running)'}, system call ${read(`/proc/self/task/${tid}/syscall`).split(' ')[0]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return ['(no gdb here: kernel waits only)', ...[...counts].map(([what, n]) => `${n}× ${what}`)];
}

/**
 * A web-test-runner plugin watching the pages `launcher` (a `chromeLauncher`) runs tests in.
 * @param {{ activePages?: Map<string, { puppeteerPage: import('puppeteer-core').Page }> }} launcher
 * @param {number} afterMs - how long a page may run before it is looked at
 */
export function stallWatch(launcher, afterMs = 90_000) {
  const since = new Map();
  const looked = new Set();
  let timer;
  const check = async () => {
    const pages = launcher.activePages;
    if (!(pages instanceof Map)) return;
    for (const id of since.keys()) if (!pages.has(id)) since.delete(id);
    for (const [id, page] of pages) {
      if (!since.has(id)) since.set(id, Date.now());
      const ran = Date.now() - since.get(id);
      if (looked.has(id) || ran < afterMs) continue;
      looked.add(id);
      await diagnose(id, page.puppeteerPage, Math.round(ran / 1000)).catch((error) => console.error(`stall watch: ${error.message}`));
    }
  };
  return {
    name: 'slotwise-stall-watch',
    serverStart() {
      timer = setInterval(() => void check(), 5000);
      timer.unref();
    },
    serverStop() {
      clearInterval(timer);
    },
  };
}
