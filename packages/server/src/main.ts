// The production entry (`pnpm --filter @slotwise/server start`, i.e. `node dist/main.js`): the API
// configured from the environment (see `optionsFromEnv` and the README's "Run in production"),
// plus the widget's built files at `/widget/*` (the console at `/console` loads from there).
//
// The socket opens first (`listen.ts`, on `node:http` alone): `/health` answers within Node's own
// start-up while the API's modules load in stages (`start-stages.ts`), the database is migrated and the app is built; `/ready` says `starting`
// until then, other requests wait for the app. The rest of the environment is checked after the
// socket opens: a wrong value still stops the process with exit 1 and a sentence, before any
// request is served by the app and before the `listening` line.
import { integer } from './env-values.js';
import { listen, type Listener } from './listen.js';
import { API_STAGES, loadInStages } from './start-stages.js';
import { jsonLog } from './services/log.js';

let listener: Listener | undefined;
try {
  listener = await listen({ port: integer(process.env, 'PORT', 0, 65535) ?? 8787, hostname: process.env.HOST || '127.0.0.1' });
  const early = listener;
  // Stopped before the app serves: nothing was served but /health, and a migration cut short is rolled back by SQLite.
  const stopEarly = () => {
    early.server.close(() => process.exit(0));
    (early.server as { closeAllConnections?: () => void }).closeAllConnections?.();
  };
  process.once('SIGINT', stopEarly).once('SIGTERM', stopEarly);
  jsonLog((line) => process.stdout.write(`${line}\n`))({ level: 'info', msg: 'starting', url: early.url });
  // The API's packages one by one, the event loop turning between two, so /health is not held up (start-stages.ts).
  const { builtWidgetDir, closeOnSignal, optionsFromEnv, startServer } = await loadInStages(API_STAGES, () => import('./node.js'));
  const options = optionsFromEnv(process.env);
  const widgetDir = options.widgetDir ?? builtWidgetDir();
  // Deliveries and the scheduler on a worker thread unless SLOTWISE_DELIVERIES=inline (`deliveries-thread.ts`).
  const server = await startServer({ deliveries: 'worker', ...options, ...(widgetDir ? { widgetDir } : {}), listener: early });
  process.off('SIGINT', stopEarly).off('SIGTERM', stopEarly);
  closeOnSignal(server);
  server.app.deps.log({ level: 'info', msg: 'listening', url: server.url, database: server.database.url.replace(/\?.*$/, ''), payments: server.app.deps.payments.publishableKey ? server.app.deps.payments.mode : 'off', sms: server.app.deps.sms?.name ?? 'off', widget: widgetDir ?? 'off', deliveries: server.deliveryWorker ? 'worker' : 'inline' }); // payments off have no key
  if (!widgetDir) server.app.deps.log({ level: 'warn', msg: 'The widget is not built (pnpm --filter @slotwise/widget build) and SLOTWISE_WIDGET_DIR is not set: /widget/* is not served, so /console and the hosted booking pages load no script.' });
} catch (error) {
  listener?.fail();
  console.error(`Slotwise could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
