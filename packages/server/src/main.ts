// The production entry (`pnpm --filter @slotwise/server start`, i.e. `node dist/main.js`): the API
// configured from the environment (see `optionsFromEnv` and the README's "Run in production"),
// plus the widget's built files at `/widget/*` (the console at `/console` loads from there).
import { builtWidgetDir, closeOnSignal, optionsFromEnv, startServer } from './node.js';

try {
  const options = optionsFromEnv(process.env);
  const widgetDir = options.widgetDir ?? builtWidgetDir();
  const server = await startServer({ ...options, ...(widgetDir ? { widgetDir } : {}) });
  closeOnSignal(server);
  server.app.deps.log({ level: 'info', msg: 'listening', url: server.url, database: server.database.url.replace(/\?.*$/, ''), payments: server.app.deps.payments.publishableKey ? server.app.deps.payments.mode : 'off', sms: server.app.deps.sms?.name ?? 'off', widget: widgetDir ?? 'off' }); // payments off have no key
  if (!widgetDir) server.app.deps.log({ level: 'warn', msg: 'The widget is not built (pnpm --filter @slotwise/widget build) and SLOTWISE_WIDGET_DIR is not set: /widget/* is not served, so /console and the hosted booking pages load no script.' });
} catch (error) {
  console.error(`Slotwise could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
