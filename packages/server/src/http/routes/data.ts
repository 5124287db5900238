import { CSV_CONTENT_TYPE, EXPORT_CSV_TABLES, exportFiles, routes, type ExportCsvTable } from '@slotwise/sdk/contract';
import { Hono, type Context } from 'hono';
import type { AppEnv, Principal } from '../../app-env.js';
import { closeAccount } from '../../services/accounts/close.js';
import { eraseCustomer } from '../../services/personal-data/erase.js';
import { exportJson } from '../../services/personal-data/export.js';
import { exportCsv } from '../../services/personal-data/export-csv.js';
import { defineRoute } from '../define-route.js';
import { apiKeyAuth } from '../middleware/api-key/index.js';
import { rateLimit } from '../middleware/rate-limit/index.js';
import { sessionAuth } from '../middleware/session/index.js';
import { HttpError } from '../problem.js';
import { streamedBody } from '../stream.js';
import { t } from '../../services/messages/index.js';

/** An export is the specialist's private data: a download, never kept by a shared cache. */
async function download(c: Context<AppEnv>, chunks: AsyncGenerator<string>, type: string, filename: string): Promise<Response> {
  const body = await streamedBody(chunks, c.var.deps.logError);
  return c.body(body, 200, {
    'content-type': type,
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A specialist's data — the export (JSON at `/v1/me/export`, a table as CSV at
 * `/v1/me/export/{table}.csv`, both streamed) and closing the account — and the operator's
 * erasure of a customer's personal data.
 */
export function dataRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/v1/me/export', apiKeyAuth());
  app.use('/v1/me/export/*', apiKeyAuth());
  app.use('/v1/me/close', apiKeyAuth());
  // The password is checked here: as many tries as at login, per client.
  app.use(routes.closeMyAccount.path, rateLimit({ name: 'close', limit: 10 }));

  defineRoute(app, routes.retrieveMyExport, async (_, c) =>
    download(c, exportJson(c.var.deps, c.var.specialist), 'application/json; charset=utf-8', `slotwise-${c.var.specialist.handle}-${day(c.var.deps.clock())}.json`),
  );
  app.get(exportFiles.exportCsv.path.replace('{table}.csv', ':file{[a-z]+\\.csv}'), async (c) => {
    const table = (c.req.param('file') ?? '').slice(0, -'.csv'.length) as ExportCsvTable;
    if (!EXPORT_CSV_TABLES.includes(table)) {
      throw new HttpError('not_found', t('not_found.export_table', { table, tables: EXPORT_CSV_TABLES.map((name) => `${name}.csv`).join(', ') }));
    }
    return download(c, exportCsv(c.var.deps, c.var.specialist, table), CSV_CONTENT_TYPE, `slotwise-${c.var.specialist.handle}-${table}-${day(c.var.deps.clock())}.csv`);
  });
  defineRoute(app, routes.closeMyAccount, async ({ body }, c) => c.json(await closeAccount(c.var.deps, c.var.specialist, body)));

  app.use(routes.eraseCustomer.path, sessionAuth({ role: 'operator' }));
  defineRoute(app, routes.eraseCustomer, async ({ body }, c) => {
    const { accountId } = c.var.principal as Extract<Principal, { kind: 'accessToken' }>; // sessionAuth lets nothing else through
    return c.json(await eraseCustomer(c.var.deps, body.email, accountId));
  });
  return app;
}
