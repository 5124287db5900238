// The delivery worker (`deliveries-thread.ts` starts it): a worker thread with its own connection to
// the database, which delivers the outbox after every commit it is told of and runs the scheduler's
// tick. Its providers (mail, meetings, text messages, webhooks, payments) come from the environment
// it is given, as the production entry's do. It never serves HTTP.
//
// Two deliverers of one database are safe by design (`services/delivery/dispatcher.ts`): a round
// is planned in one guarded batch, a delivery is claimed with a lease, an idempotency key is unique.
import { parentPort, workerData } from 'node:worker_threads';
import type { DeliveryWorkerData, FromWorker, ToWorker } from './deliveries-thread.js';
import { nodeApp, openDatabase, optionsFromEnv, paymentsFromEnv } from './node.js';
import { loggedTick } from './services/scheduler.js';
import type { Log } from './services/log.js';

const port = parentPort;
if (!port) throw new Error('delivery-worker.js runs as a worker thread (startServer({ deliveries: "worker" })), not on its own.');
const data = workerData as DeliveryWorkerData;
const log: Log = (entry) => port.postMessage({ log: entry } satisfies FromWorker);

const database = await openDatabase(data.databaseUrl, data.databaseAuthToken, { threadLock: data.threadLock, ...(data.databaseSynchronous ? { synchronous: data.databaseSynchronous } : {}) });
const options = optionsFromEnv(data.env);
const app = nodeApp(
  {
    ...options,
    payments: paymentsFromEnv(data.env),
    jwtSecret: data.jwtSecret,
    ...(data.secretsKey ? { secretsKey: data.secretsKey } : {}),
  },
  database,
  log,
);
const ticker = data.tickEveryMs > 0 ? setInterval(() => void loggedTick(app.tick, log), data.tickEveryMs) : undefined;

port.on('message', (message: ToWorker) => {
  if (message === 'kick') app.deliveries.kick();
  else if (message === 'stop') void stop();
});
// What was committed before this thread listened (the HTTP thread serves from the start).
app.deliveries.kick();

async function stop() {
  clearInterval(ticker);
  await app.deliveries.idle();
  database.close();
  port!.close();
}
