import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { EarningsMonth, SpecialistPayment, StripeStatus } from '@slotwise/sdk/contract';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { describeError } from '../../../internal/errors.js';
import { tokens } from '../../../styles/tokens.js';
import { screenStyles } from '../../ui/screen.styles.js';
import { downloadCsv, majorUnits, toCsv } from './csv.js';
import { renderEarnings, renderPayments, renderStripe, shareAfterRefunds } from './money.template.js';
import { styles } from './money.styles.js';

/** An export reads at most this many pages of 100 payments (bounded work per click). */
const EXPORT_PAGES = 20;

/**
 * @summary Money: Stripe's status as the API says it, payments with fee, share and refunds, net
 * earnings by month and currency as a labelled SVG chart with its table, and CSV downloads made
 * in the browser.
 */
export class SlotwiseConsoleMoney extends LitElement {
  static override styles = [tokens, screenStyles, styles];

  @property() route = '';

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;

  @state() stripe: StripeStatus | undefined;
  @state() payments: SpecialistPayment[] = [];
  @state() hasMore = false;
  @state() earnings: EarningsMonth[] | undefined;
  @state() error = '';
  @state() busy = false;

  get timeZone(): string {
    return this.session?.profile?.timeZone ?? 'UTC';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    const me = this.session?.client.me;
    if (!me) return;
    try {
      const [stripe, payments, earnings] = await Promise.all([me.stripe.retrieve(), me.payments.list({ limit: 50 }), me.earnings.retrieve()]);
      Object.assign(this, { stripe, payments: payments.data, hasMore: payments.hasMore, earnings: earnings.data, error: '' });
    } catch (error) {
      this.error = `We could not load your money. ${describeError(error).message}`;
    }
  }

  async more(): Promise<void> {
    const me = this.session?.client.me;
    const last = this.payments.at(-1)?.id;
    if (!me || !last) return;
    this.busy = true;
    try {
      const page = await me.payments.list({ limit: 50, starting_after: last });
      this.payments = [...this.payments, ...page.data];
      this.hasMore = page.hasMore;
    } catch (error) {
      this.error = describeError(error).message;
    } finally {
      this.busy = false;
    }
  }

  /** Every payment (up to EXPORT_PAGES × 100), as a CSV download. */
  async exportPayments(): Promise<void> {
    const me = this.session?.client.me;
    if (!me) return;
    this.busy = true;
    try {
      const all: SpecialistPayment[] = [];
      let more = true;
      for (let page = 0; more && page < EXPORT_PAGES; page += 1) {
        const next = await me.payments.list({ limit: 100, ...(all.length ? { starting_after: all.at(-1)!.id } : {}) });
        all.push(...next.data);
        more = next.hasMore;
      }
      const rows = all.map((p) => [p.id, p.createdAt, p.status, p.customerEmail, p.bookingId, p.packagePurchaseId, p.currency,
        ...[p.amount, p.fee, p.feeRefunded, shareAfterRefunds(p), p.amountRefunded].map((minor) => majorUnits(minor, p.currency))]);
      downloadCsv('slotwise-payments.csv', toCsv([['id', 'created_at', 'status', 'customer_email', 'booking_id', 'package_purchase_id', 'currency', 'amount', 'fee', 'fee_refunded', 'your_share', 'refunded'], ...rows]));
      this.session?.announce(`Downloaded ${all.length} payments as CSV${more ? ` (the first ${all.length}; ask support for the rest)` : ''}.`);
    } catch (error) {
      this.error = `The export failed. ${describeError(error).message}`;
    } finally {
      this.busy = false;
    }
  }

  exportEarnings(): void {
    const rows = (this.earnings ?? []).map((m) => [m.month, m.currency, ...[m.gross, m.fees, m.refunds, m.net].map((minor) => majorUnits(minor, m.currency)), m.payments]);
    downloadCsv('slotwise-earnings.csv', toCsv([['month', 'currency', 'gross', 'fees', 'refunds', 'net', 'payments'], ...rows]));
    this.session?.announce(`Downloaded ${rows.length} months of earnings as CSV.`);
  }

  override render() {
    if (!this.session) return nothing;
    return html`<h2 class="visually-hidden">Money</h2>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${renderStripe(this.stripe)}
      ${renderEarnings(this)}
      ${renderPayments(this)}`;
  }
}
