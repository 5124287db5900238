import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { closeOnSignal, optionsFromEnv, startServer } from './node.js';
import { seedDemoPayments } from './seed.js';
import { demoLogLine } from './demo-log.js';
import { demoPageHeaders } from './http/pages/secure-page.js';
import { devMailboxRoutes } from './http/routes/dev-mailbox.js';
import { smtpMail, startMailbox } from './providers/mail/index.js';

// dist/demo.js → the repository root is three folders up.
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const page = `${repo}examples/embed-html`;
const widget = `${repo}packages/widget/dist`;
if (!existsSync(`${widget}/slotwise.js`)) {
  console.error('The widget is not built. Run `pnpm demo` from the repository root (it builds first).');
  process.exit(1);
}

const env = optionsFromEnv(process.env);
// The demo's mail goes to a real SMTP server on 127.0.0.1 and is read at /dev/mailbox: nothing
// leaves the machine. Links in the messages point at this server (set once it listens).
const mailbox = await startMailbox();
const links: { api: string; manage?: string } = { api: env.links?.api ?? '', ...(env.links?.manage ? { manage: env.links.manage } : {}) };
const server = await startServer({
  ...env,
  port: env.port ?? 8787,
  widgetDir: env.widgetDir ?? widget,
  mail: smtpMail({ url: mailbox.url, ignoreTLS: true }),
  mailFrom: env.mailFrom ?? 'Slotwise demo <bookings@slotwise.local>',
  links,
  // The demo takes "payments" in the offline test mode unless Stripe keys are set.
  payments: process.env.STRIPE_SECRET_KEY ? undefined : 'offline',
  seed: 'demo',
  // A person reads the demo's terminal: only problems are logged, as lines that say what and why.
  log: (entry) => {
    if (entry.level !== 'info') console.error(demoLogLine(entry));
  },
  mount: (app) => {
    app.route('/', devMailboxRoutes(mailbox));
    app.use('/*', demoPageHeaders({ stripe: Boolean(process.env.STRIPE_SECRET_KEY) }));
    app.get('/*', serveStatic({ root: page }));
  },
});
// Emails link each specialist's customers to that specialist's own page (`/{handle}`).
if (!links.api) links.api = server.url;
closeOnSignal(server);
if (await seedDemoPayments(server.app.deps.payments, server.database)) {
  console.log('Test-payments mode (no STRIPE_SECRET_KEY): the "Coaching session" costs €90, paid with a test button — no money moves.');
} else if (server.app.deps.payments.mode === 'test') {
  console.log('Test-payments mode (no STRIPE_SECRET_KEY): paid sessions use a test button — no money moves.');
}
if (server.seeded?.apiKey) {
  console.log(`Seeded the demo specialist. Its secret API key (shown once, keep it): ${server.seeded.apiKey}`);
}
if (server.seeded?.demoPassword) console.log(`Console login of "demo" (shown once): demo@slotwise.local / ${server.seeded.demoPassword}`);
console.log(`Console: ${server.url}/console · hosted booking page of "demo": ${server.url}/demo`);
if (server.seeded?.operatorPassword) console.log(`Operator login (shown once): operator@slotwise.local / ${server.seeded.operatorPassword}`);
console.log(`Slotwise demo: open ${server.url}/ to book with "demo" (the API under ${server.url}/v1, described at ${server.url}/openapi.json; database ${server.database.url}).`);
console.log(`Mailbox: every email the demo sends is at ${server.url}/dev/mailbox (an SMTP server on ${mailbox.url.replace('smtp://', '')}).`);
