import type { StripeOnboardingLink, StripeStatus } from '@slotwise/sdk/contract';
import { eq } from 'drizzle-orm';
import type { ServiceDeps } from '../deps.js';
import { accounts, specialists, type SpecialistRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { providerFailure } from './checkout.js';
import { t } from '../messages/index.js';

async function provider<T>(deps: ServiceDeps, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw providerFailure(deps, error, t('payment_provider_error.stripe'));
  }
}

/** The specialist's connected account as Stripe sees it now (and remembered for checkout). */
export async function stripeStatus(deps: ServiceDeps, specialist: SpecialistRow): Promise<StripeStatus> {
  if (!specialist.stripeAccountId) {
    return { accountId: null, chargesEnabled: false, payoutsEnabled: false, detailsSubmitted: false, mode: deps.payments.mode };
  }
  const account = await provider(deps, () => deps.payments.retrieveAccount(specialist.stripeAccountId!));
  if (account.chargesEnabled !== specialist.stripeChargesEnabled) {
    await deps.database.batch([deps.database.db.update(specialists).set({ stripeChargesEnabled: account.chargesEnabled }).where(eq(specialists.id, specialist.id))]);
  }
  return { accountId: account.id, chargesEnabled: account.chargesEnabled, payoutsEnabled: account.payoutsEnabled, detailsSubmitted: account.detailsSubmitted, mode: deps.payments.mode };
}

/** A single-use onboarding link; the connected account is created the first time. */
export async function stripeOnboarding(
  deps: ServiceDeps,
  specialist: SpecialistRow,
  urls: { returnUrl?: string | undefined; refreshUrl?: string | undefined },
  origin: string,
): Promise<StripeOnboardingLink> {
  let accountId = specialist.stripeAccountId;
  if (!accountId) {
    const [owner] = await deps.database.db.select({ email: accounts.email }).from(accounts).where(eq(accounts.specialistId, specialist.id));
    const account = await provider(deps, () =>
      deps.payments.createConnectedAccount({
        email: owner?.email ?? '',
        metadata: { specialist_id: specialist.id, handle: specialist.handle },
        idempotencyKey: `connect-${specialist.id}`,
      }),
    );
    accountId = account.id;
    await deps.database.batch([deps.database.db.update(specialists).set({ stripeAccountId: account.id, stripeChargesEnabled: account.chargesEnabled }).where(eq(specialists.id, specialist.id))]);
  }
  const back = `${origin}/stripe/return`;
  const link = await provider(deps, () => deps.payments.createAccountLink({ account: accountId!, returnUrl: urls.returnUrl ?? back, refreshUrl: urls.refreshUrl ?? back }));
  return { url: link.url, expiresAt: isoInstant(link.expiresAt * 1000) }; // Stripe answers in Unix seconds
}
