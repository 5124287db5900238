/**
 * RFC 4180 CSV, safe to open in a spreadsheet. Every text cell is quoted (a quote inside is
 * doubled), so commas, quotes and line breaks in a customer's name or notes stay inside their
 * cell; records end with CRLF. A text cell that a spreadsheet would read as a formula — starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP "CSV injection") — gets a leading
 * apostrophe, so `=HYPERLINK(…)` typed into a booking form is shown, never run. Numbers are
 * written as they are: they are ours, never a customer's text.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

/** One record, CRLF-terminated. */
export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A CSV file's columns: a header and how each row gives its cells. */
export interface CsvTable<Row> {
  header: readonly string[];
  cells: (row: Row) => readonly CsvCell[];
}

/** The file as chunks: the header, then one chunk per page of rows (never the whole file at once). */
export async function* csvChunks<Row>(table: CsvTable<Row>, pages: AsyncIterable<readonly Row[]>): AsyncGenerator<string> {
  yield table.header.map((h) => csvCell(h)).join(',') + '\r\n';
  for await (const page of pages) {
    if (page.length > 0) yield page.map((row) => csvRow(table.cells(row))).join('');
  }
}
