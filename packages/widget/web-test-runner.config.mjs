import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { proxyApi, startApi, startClockApi, startConsoleApi, startStripeApi } from './test/api-server.mjs';
import { resultsReporter } from './test/results-reporter.mjs';
import { noteRequests, stallWatch } from './test/stall-watch.mjs';

// One real API for the whole run: tests share its database, so each books a different time.
// A second one takes payments through Stripe's SDK and the fake Stripe server, for the e2e test.
// A third runs on a clock the join-flow tests (and the console's after-the-start test) move. A fourth, without rate limits, serves the
// console's tests (each signs up a specialist of its own).
const started = await Promise.allSettled([startApi(), startStripeApi(), startClockApi(), startConsoleApi()]);
const failed = started.find((result) => result.status === 'rejected');
if (failed) {
  await Promise.all(started.map((result) => result.status === 'fulfilled' && result.value.close()));
  throw failed.reason;
}
const [api, stripeApi, clockApi, consoleApi] = started.map((result) => result.value);

const chromium = chromeLauncher({
  launchOptions: {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  },
});

export default {
  files: 'src/**/*.test.ts',
  // One file at a time on any machine (the default is one per two cores): the files share the
  // servers above, and the join-flow files move the third one's clock.
  concurrency: 1,
  nodeResolve: true,
  // On CI a stray `.only` fails the run instead of quietly skipping every other test.
  testFramework: { config: { timeout: 20000, forbidOnly: Boolean(process.env.CI) } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    {
      name: 'slotwise-api',
      async serverStop() {
        await Promise.all([api.close(), stripeApi.close(), clockApi.close(), consoleApi.close()]);
      },
    },
    // A page that never reports back (a test file "did not finish") says what it was doing first.
    stallWatch(chromium, Number(process.env.SLOTWISE_STALL_AFTER_MS ?? 90_000)),
  ],
  middleware: [
    noteRequests(),
    proxyApi(() => api.url),
    // `dist/` as a page opened before a release sees it after the release: its lazy chunks' names
    // are gone (404), while the loader and the first-load `core.js` it already ran still answer
    // (`slotwise-release.test.ts`).
    (ctx, next) => {
      const replaced = /^\/dist-replaced\/(.*)$/.exec(ctx.path);
      if (!replaced) return next();
      if (/^slotwise\/(?!core\.js$|slotwise-[\w]+\.js$)/.test(replaced[1])) {
        ctx.status = 404;
        return undefined;
      }
      ctx.path = `/dist/${replaced[1]}`;
      return next();
    },
    // The built script loads ES modules, which a page on another origin fetches with CORS, as the
    // API's `/widget/*` allows: serve `dist/` the same way for the tests that load it from there.
    (ctx, next) => {
      if (ctx.path.startsWith('/dist/')) ctx.set('access-control-allow-origin', '*');
      return next();
    },
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html>
      <body>
        <script>
          window.__SLOTWISE_API__ = ${JSON.stringify(api.url)};
          window.__SLOTWISE_PAID__ = ${JSON.stringify(api.paid)};
          window.__SLOTWISE_STRIPE__ = ${JSON.stringify({ api: stripeApi.url, stripeJs: stripeApi.stripeJs, paid: stripeApi.paid })};
          window.__SLOTWISE_CONSOLE__ = ${JSON.stringify({ api: consoleApi.url, logins: consoleApi.logins })};
          window.__SLOTWISE_CLOCK__ = ${JSON.stringify({ api: clockApi.url, services: clockApi.services, apiKey: clockApi.apiKey, operator: clockApi.operator })};
        </script>
        <script src="/test/cloneable-failures.js"></script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
  browsers: [chromium],
  reporters: [defaultReporter(), resultsReporter(process.env.SLOTWISE_RESULTS_FILE)],
};
