import { consume } from '@lit/context';
import { EXPORT_CSV_TABLES, exportCsvUrl, type ExportCsvTable } from '@slotwise/sdk';
import { html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { describeError } from '../../../internal/errors.js';
import { tokens } from '../../../styles/tokens.js';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { consoleStyles } from '../../styles.js';
import { saveFile } from '../../ui/save-file.js';

const TABLES: Record<ExportCsvTable, string> = { bookings: 'Bookings', customers: 'Customers', payments: 'Payments', packages: 'Package sales' };

/** Today as the server names its export files (`slotwise-<handle>-<table>-<YYYY-MM-DD>.csv`, UTC). */
const today = () => new Date().toISOString().slice(0, 10);

/** The file's bytes, or the server's sentence when it answered a problem instead. */
async function fileOf(response: Response): Promise<Blob> {
  if (response.ok) return response.blob();
  const problem = (await response.json().catch(() => undefined)) as { detail?: string } | undefined;
  throw new Error(problem?.detail ?? `The download failed (HTTP ${response.status}). Try again in a moment.`);
}

/**
 * @summary "Your data": everything of the specialist's as one JSON file (`me.export.retrieve`) and
 * each table as CSV (`GET /v1/me/export/{table}.csv`). The CSVs are fetched with the login's
 * credentials (`session.fetchFile`) and saved from a Blob: a plain link could not carry the access
 * token, which lives only in memory. A download is announced only once the browser has the file.
 */
export class SlotwiseConsoleYourData extends LitElement {
  static override styles = [tokens, consoleStyles];

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;
  @state() private busy: ExportCsvTable | 'json' | undefined;
  @state() private error = '';

  private async download(what: ExportCsvTable | 'json', fetchIt: () => Promise<[string, Blob]>) {
    this.busy = what;
    this.error = '';
    try {
      const [name, blob] = await fetchIt();
      saveFile(name, blob);
      this.session!.announce(`Downloaded ${name}.`);
    } catch (error) {
      this.error = describeError(error).message;
    } finally {
      this.busy = undefined;
    }
  }

  private everything() {
    const { client, profile } = this.session!;
    return this.download('json', async () => {
      const data = await client.me.export.retrieve();
      return [`slotwise-${profile!.handle}-${today()}.json`, new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })];
    });
  }

  private table(table: ExportCsvTable) {
    const { apiBase, profile } = this.session!;
    return this.download(table, async () => [`slotwise-${profile!.handle}-${table}-${today()}.csv`, await fileOf(await this.session!.fetchFile(exportCsvUrl(apiBase, table)))]);
  }

  override render() {
    if (!this.session?.profile) return nothing;
    return html`<section id="your-data" aria-labelledby="your-data-title"><h2 id="your-data-title">Your data</h2>
      <p class="hint">Everything of yours: profile, services, hours, packages, every booking with its history, payments and refunds, your customers. The CSV files open in a spreadsheet.</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="row">
        <button type="button" class="primary" ?disabled=${this.busy !== undefined} @click=${() => this.everything()}>Download everything (JSON)</button>
        ${EXPORT_CSV_TABLES.map((t) => html`<button type="button" data-table=${t} ?disabled=${this.busy !== undefined} @click=${() => this.table(t)}>${TABLES[t]} (CSV)</button>`)}
      </div>
      ${this.busy ? html`<p class="hint" role="status">Preparing your file…</p>` : nothing}
    </section>`;
  }
}
