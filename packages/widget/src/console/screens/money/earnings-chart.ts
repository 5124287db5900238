import { html, svg } from 'lit';
import type { EarningsMonth } from '@slotwise/sdk/contract';
import { formatAmount, formatMonth } from '../../../internal/format.js';

const BAR = 56;
const short = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
/** "Dec 26": fits under a bar. */
const shortMonth = (month: string) => short.format(new Date(`${month}-15T12:00:00Z`));
const GAP = 16;
const TOP = 24;
const PLOT = 160;
const BOTTOM = 28;

/**
 * What a specialist kept each month in one currency, as plain SVG bars. Every bar carries its
 * amount as text and every month its name, so the chart reads without colour; the SVG is one
 * `role="img"` named by its `<title>`, and the table beside it has the same figures for screen
 * readers and copying. Negative months (refunds larger than takings) hang below the baseline.
 */
export function renderEarningsChart(currency: string, months: readonly EarningsMonth[], idPrefix: string) {
  const values = months.map((month) => month.net);
  const high = Math.max(0, ...values);
  const low = Math.min(0, ...values);
  const span = high - low || 1;
  const y = (value: number) => TOP + ((high - value) / span) * PLOT;
  const width = months.length * (BAR + GAP) + GAP;
  const height = TOP + PLOT + BOTTOM;
  const title = `Net earnings in ${currency} by month: ${months.map((m) => `${formatMonth(m.month)} ${formatAmount(m.net, currency)}`).join(', ')}`;
  return html`<svg class="chart" role="img" aria-labelledby="${idPrefix}-title" viewBox="0 0 ${width} ${height}" width=${width} height=${height}>
    <title id="${idPrefix}-title">${title}</title>
    <line x1="0" x2=${width} y1=${y(0)} y2=${y(0)} class="baseline"></line>
    ${months.map((month, i) => {
      const x = GAP + i * (BAR + GAP);
      const top = Math.min(y(month.net), y(0));
      const barHeight = Math.max(1, Math.abs(y(month.net) - y(0)));
      return svg`<g class="bar" data-month=${month.month}>
        <rect x=${x} y=${top} width=${BAR} height=${barHeight}></rect>
        <text class="value" x=${x + BAR / 2} y=${month.net >= 0 ? top - 6 : top + barHeight + 14} text-anchor="middle">${formatAmount(month.net, currency)}</text>
        <text class="month" x=${x + BAR / 2} y=${height - 8} text-anchor="middle">${shortMonth(month.month)}</text>
      </g>`;
    })}
  </svg>`;
}
