import { currencyDigits } from '../../../internal/format.js';
import { saveFile } from '../../ui/save-file.js';

/**
 * CSV made in the browser (RFC 4180): fields joined by commas, rows by CRLF; a field with a comma,
 * a quote, CR or LF is quoted and its quotes doubled. A text field a spreadsheet would read as a
 * formula (starting with `=`, `+`, `-`, `@`, a tab or CR) gets a leading apostrophe, so a
 * customer's email or a description can never run in the specialist's spreadsheet. Numbers are
 * written as numbers and never prefixed: `-12.50` stays a number.
 */
export type CsvCell = string | number | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** An amount in minor units as a plain decimal number in its currency's digits (9000 EUR → 90, 9000 JPY → 9000). */
export function majorUnits(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}

/** Hands `text` to the browser as a CSV file download named `filename`. */
export function downloadCsv(filename: string, text: string): void {
  saveFile(filename, new Blob([text], { type: 'text/csv;charset=utf-8' }));
}
