// The production entry (`pnpm --filter @slotwise/server start`, i.e. `node dist/main.js`): the API
// configured from the environment (see `optionsFromEnv` and the README's "Run in production").
import { closeOnSignal, optionsFromEnv, startServer } from './node.js';

try {
  const server = await startServer(optionsFromEnv(process.env));
  closeOnSignal(server);
  server.app.deps.log({ level: 'info', msg: 'listening', url: server.url, database: server.database.url.replace(/\?.*$/, ''), payments: server.app.deps.payments.publishableKey ? server.app.deps.payments.mode : 'off', sms: server.app.deps.sms?.name ?? 'off' }); // payments off have no key
} catch (error) {
  console.error(`Slotwise could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
