import { EXPORT_CSV_TABLES, exportFiles } from '@slotwise/sdk/contract';

type JsonSchema = Record<string, unknown>;

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

/** The OpenAPI entry of an export's CSV files, which are not JSON and so not route specs; the path comes from the contract. */
export function exportFilePaths(): Record<string, Record<string, JsonSchema>> {
  const { exportCsv } = exportFiles;
  return {
    [exportCsv.path]: {
      [exportCsv.method]: {
        operationId: exportCsv.operationId,
        summary:
          'One table of your data as RFC 4180 CSV (UTF-8, header row, every text field quoted, a cell that would start a spreadsheet formula prefixed with an apostrophe), streamed: `bookings`, `customers`, `payments`, or `packages` (package sales with their credits). Amounts in minor units, instants in UTC.',
        tags: ['Your data'],
        parameters: [{ name: 'table', in: 'path', required: true, schema: { type: 'string', enum: [...EXPORT_CSV_TABLES] } }],
        security: [{ apiKey: [] }, { accessToken: [] }],
        responses: {
          200: { description: 'The file (`Content-Disposition: attachment`).', content: { 'text/csv': { schema: { type: 'string' } } } },
          401: problem('Problem: `unauthorized`, `token_expired`.'),
          404: problem('Problem: `not_found` — no such table.'),
        },
      },
    },
  };
}
