/**
 * The CSV files of an export. They are not JSON, so not route specs: a browser or a script
 * downloads them by URL with the same credentials as the API (`Authorization: Bearer`). Their
 * paths are written here once, for the server's routes, the OpenAPI document and the SDK's
 * `exportCsvUrl`. This module imports nothing, so that builder ships no schema runtime.
 */
export const exportFiles = {
  /** One table as RFC 4180 CSV (UTF-8): `bookings`, `customers`, `payments` or `packages` (package sales). */
  exportCsv: { operationId: 'retrieveMyExportCsv', method: 'get', path: '/v1/me/export/{table}.csv', auth: 'apiKey' },
} as const;

/** The tables an export has as CSV; `packages` is the package sales (purchases with their credits). */
export const EXPORT_CSV_TABLES = ['bookings', 'customers', 'payments', 'packages'] as const;
export type ExportCsvTable = (typeof EXPORT_CSV_TABLES)[number];

/** The media type of the CSV files. */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

/**
 * The address of one table of your export as CSV. Send your credentials with it
 * (`Authorization: Bearer sk_…` or the console's access token); it carries none itself.
 *
 * @example
 * await fetch(exportCsvUrl('https://api.slotwise.dev', 'bookings'), { headers: { authorization: `Bearer ${key}` } })
 */
export function exportCsvUrl(baseURL: string, table: ExportCsvTable): string {
  return `${baseURL.replace(/\/+$/, '')}${exportFiles.exportCsv.path.replace('{table}', table)}`;
}
