import { html, nothing } from 'lit';
import { formatAmount, formatInstantDate, formatPrice } from '../../../internal/format.js';
import { refundable } from './purchase-refund.js';
import type { SlotwiseConsolePackages } from './packages.component.js';

export function renderPackages(host: SlotwiseConsolePackages) {
  const packages = host.packages;
  const serviceName = (id: string) => host.services.find((s) => s.id === id)?.name ?? id;
  return html`<section aria-labelledby="packages-heading">
    <h3 id="packages-heading">Your packages</h3>
    ${!packages ? html`<p>Loading…</p>` : packages.length === 0 ? html`<p>No packages yet.</p>` : html`<div class="table-wrap"><table class="packages">
      <thead><tr><th scope="col">Name</th><th scope="col">Sessions</th><th scope="col">Books</th><th scope="col" class="num">Price</th><th scope="col">Valid</th><th scope="col">State</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${packages.map((pkg) => html`<tr data-id=${pkg.id}>
        <th scope="row">${pkg.name}</th>
        <td>${pkg.sessionCount}</td>
        <td>${pkg.services.map(serviceName).join(', ')}</td>
        <td class="num">${formatPrice(pkg.price, pkg.currency)}</td>
        <td>${pkg.validityDays} days</td>
        <td class="state">${pkg.active ? 'On sale' : 'Archived'}</td>
        <td class="actions">
          <button type="button" aria-label="Edit ${pkg.name}" @click=${() => host.edit(pkg)}>Edit</button>
          ${pkg.active
            ? html`<button type="button" aria-label="Archive ${pkg.name}" @click=${() => host.archive(pkg)}>Archive…</button>`
            : html`<button type="button" aria-label="Sell ${pkg.name} again" @click=${() => host.reactivate(pkg)}>Sell again</button>`}
        </td>
      </tr>`)}</tbody>
    </table></div>`}
  </section>`;
}

export function renderPurchases(host: SlotwiseConsolePackages) {
  const zone = host.session?.profile?.timeZone ?? 'UTC';
  return html`<section aria-labelledby="purchases-heading">
    <h3 id="purchases-heading">Purchases</h3>
    ${host.purchases.length === 0 ? html`<p>No purchases yet.</p>` : html`<div class="table-wrap"><table class="purchases">
      <thead><tr><th scope="col">Customer</th><th scope="col">Package</th><th scope="col">Status</th><th scope="col">Credits left</th><th scope="col">Expires</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${host.purchases.map((p) => html`<tr data-id=${p.id}>
        <td>${p.customerName}<br /><span class="muted">${p.customerEmail}</span></td>
        <td>${p.package.name}</td>
        <td class="state">${p.status}${p.payment && p.payment.amountRefunded > 0 ? html`<br /><span class="muted">${formatAmount(p.payment.amountRefunded, p.payment.currency)} refunded</span>` : nothing}</td>
        <td>${p.credits ? `${p.credits.remaining} of ${p.credits.granted}` : '—'}</td>
        <td>${p.credits ? `${formatInstantDate(p.credits.expiresAt, zone)}${p.credits.expired ? ' (expired)' : ''}` : 'Once paid'}</td>
        <td>${refundable(p) > 0
          ? html`<button type="button" aria-label="Refund ${p.customerName}’s ${p.package.name}" ?disabled=${host.refunding === p.id} @click=${() => host.refund(p)}>Refund…</button>`
          : nothing}</td>
      </tr>`)}</tbody>
    </table></div>`}
    ${host.notice ? html`<p role="status" id="purchases-notice" tabindex="-1">${host.notice}</p>` : nothing}
    ${host.morePurchases ? html`<button type="button" ?disabled=${host.loadingMore} @click=${() => host.loadMorePurchases()}>Load more</button>` : nothing}
  </section>`;
}
