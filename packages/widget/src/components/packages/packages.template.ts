import { html, nothing } from 'lit';
import type { Package, PackagePurchaseCreated, PackagePurchaseState, Specialist } from '@slotwise/sdk/contract';
import type { BookingContext } from '../../context.js';
import { formatInstantDate } from '../../internal/format.js';
import type { PackagesFlow } from './packages-flow.js';
import { addEnglish } from '../../i18n/en.js';
import { packages } from '../../i18n/en/packages.js';

// This part's English travels with it: added when the module evaluates, before it renders (`i18n/en.ts`).
addEnglish(packages);

/** What the packages steps need from `<slotwise-booking>`. */
export interface PackagesStep {
  stripeJs: string;
  now: () => Date;
  /** The light-DOM child of `<slotwise-booking>` Stripe's form is mounted in. */
  container: HTMLElement | undefined;
  selected(event: CustomEvent<{ package: Package }>): void;
  code(event: CustomEvent<{ token: string }>): void;
  created(event: CustomEvent<PackagePurchaseCreated & { customerName: string }>): void;
  paid(event: CustomEvent<PackagePurchaseState>): void;
  cancel(): void;
  /** From the payment step: back to the sessions and packages (the purchase stays unpaid, nothing is charged). */
  back(): Promise<void>;
  bookWithCredit(): void;
  forget(): void;
}

const paymentParts = 'payment, amount, payment-element, pay, test-panel, pay-test, decline-test, payment-error, payment-pending';

/**
 * The visitor's credits at the top of the widget: how many, until when, which services they
 * book, and a way to forget the code on a shared computer.
 */
export function renderCreditsBar(flow: PackagesFlow, ctx: BookingContext, profile: Specialist, step: PackagesStep) {
  const balance = flow.credits.value;
  if (!balance) return nothing;
  const m = ctx.messages;
  const expiry = flow.credits.expiresAt;
  const covered = profile.services.filter((s) => balance.services.includes(s.id)).map((s) => s.name).join(', ');
  return html`<section part="credits" class="credits" aria-labelledby="credits-heading" tabindex="-1">
    <p id="credits-heading"><strong>${m.creditsBalance(balance.total, balance.specialist.name)}</strong></p>
    ${balance.total > 0 && expiry ? html`<p>${m.creditsExpiry(formatInstantDate(expiry, ctx.timeZone, ctx.locale))}</p>
      <p class="muted">${m.packageCovers(covered)}</p>` : html`<p class="muted">${m.creditsNone}</p>`}
    <button type="button" part="forget-credits" @click=${step.forget}>${m.creditsForget}</button>
  </section>`;
}

/** The packages offered after the single sessions, with the credits code field. */
export function renderOffers(flow: PackagesFlow, profile: Specialist, step: PackagesStep) {
  return html`<slotwise-packages exportparts="packages, package, package-name, buy, credits-code" .packages=${profile.packages}
    .services=${profile.services} ?checking=${flow.credits.status === 'loading'} .codeError=${flow.codeError}
    ?hasCredits=${Boolean(flow.credits.value)} @package-selected=${step.selected} @credits-code=${step.code}></slotwise-packages>`;
}

/** Buying a package, in place of the sessions: name and email, the payment, what was bought. */
export function renderPackagesStep(flow: PackagesFlow, ctx: BookingContext, step: PackagesStep) {
  if (flow.buying) {
    return html`<slotwise-package-form exportparts="checkout, input, submit, back" .package=${flow.buying}
      @purchase-created=${step.created} @checkout-cancelled=${step.cancel}></slotwise-package-form>`;
  }
  if (flow.paying) {
    const { purchase, paymentSession, creditsToken } = flow.paying;
    return html`<slotwise-payment exportparts=${paymentParts} .session=${paymentSession} .purchase=${purchase}
      .creditsToken=${creditsToken} .container=${step.container} .now=${step.now} .stripeJs=${step.stripeJs} .back=${step.back}
      @purchase-paid=${step.paid}><slot name="payment" slot="payment"></slot></slotwise-payment>`;
  }
  if (!flow.bought) return nothing;
  const m = ctx.messages;
  const { purchase, credits, notifications } = flow.bought;
  const expiry = credits.lots.find((lot) => lot.remaining > 0)?.expiresAt;
  return html`<section part="bought" class="bought" aria-labelledby="bought-heading">
    <h3 id="bought-heading" tabindex="-1">${m.boughtHeading}</h3>
    <p>${m.bought(purchase.package.name, purchase.package.sessionCount)}</p>
    ${expiry ? html`<p>${m.boughtBalance(credits.total, formatInstantDate(expiry, ctx.timeZone, ctx.locale))}</p>` : nothing}
    <p>${notifications.email === 'queued' ? m.boughtEmail(purchase.customerEmail) : m.boughtNoEmail}</p>
    <button type="button" part="book-with-credit" class="primary" @click=${step.bookWithCredit}>${m.boughtBook}</button>
  </section>`;
}

/** Above a booking's confirmation when a credit paid for it: how many are left, as the server counted. */
export function renderCreditUsed(flow: PackagesFlow, ctx: BookingContext) {
  if (flow.creditsLeft === undefined) return nothing;
  return html`<p part="credit-used" role="status" class="credit-used">${ctx.messages.creditUsed(flow.creditsLeft)}</p>`;
}
