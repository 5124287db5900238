import { createClient } from '@slotwise/sdk';
import type { Booking, BookingCreate, BookingCreated, MyService } from '@slotwise/sdk/contract';
import { paymentIntentId } from '../../components/payment/payment-steps.js';
import { mailedToken } from './mailbox.js';
import { consoleApi, sessionFor, signUpSpecialist } from './session.js';

/**
 * A specialist of this test's own with a bookable week: every day 08:00–20:00 in their zone, one
 * service (free unless `price` is given, no notice so today's later times are open), and, for a
 * priced one, Stripe connected in the offline test mode. Tests share the console API's database,
 * so each works on its own specialist.
 */
export async function openPractice(options: { price?: number; timeZone?: string } = {}) {
  const specialist = await signUpSpecialist({ timeZone: options.timeZone ?? 'Europe/Paris' });
  const session = await sessionFor(specialist.tokens);
  const me = session.client.me;
  await me.availability.replaceWeekly({
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00' })),
  });
  if (options.price) await Promise.all([connectStripe(session.client), verifyEmail(specialist.email)]);
  const service: MyService = await me.services.create({
    name: 'Strategy call',
    durations: [{ minutes: 30, price: options.price ?? 0 }],
    minNotice: 0,
    bufferBefore: 0,
    bufferAfter: 0,
  });
  return { ...specialist, session, service, book: (n: number, customer?: { name: string; email: string }, extra?: Pick<BookingCreate, 'utm' | 'credit'>) => bookAsCustomer(specialist.handle, service, n, customer, extra) };
}

/**
 * Follows the verification link mailed at sign-up, as the specialist would: paid bookings are
 * refused until the login email is verified.
 */
async function verifyEmail(email: string): Promise<void> {
  await createClient({ baseURL: consoleApi() }).auth.verifyEmail({ token: await mailedToken(email, 'verify') });
}

/** Follows the test-mode onboarding link as a browser would (test mode completes it on the GET). */
async function connectStripe(client: ReturnType<typeof createClient>) {
  const link = await client.me.stripe.onboarding({});
  await fetch(link.url, { mode: 'no-cors' });
  const status = await client.me.stripe.retrieve();
  if (!status.chargesEnabled) throw new Error(`Stripe test mode is not connected: ${JSON.stringify(status)}`);
}

/**
 * Books the `n`th open time (0-based, counting from the day after tomorrow, so never "today"
 * in any zone) of `service` as a visitor would,
 * through the public SDK; a priced one is paid in the offline test mode.
 */
export async function bookAsCustomer(handle: string, service: MyService, n: number, customer = { name: 'Ada Lovelace', email: 'ada@example.com' }, extra: Pick<BookingCreate, 'utm' | 'credit'> = {}): Promise<BookingCreated> {
  const client = createClient({ baseURL: consoleApi() });
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  const slots = await client.specialists.slots(handle, { service: service.id, from, to, timezone: 'America/New_York' });
  const slot = slots.days.flatMap((day) => day.slots)[n];
  if (!slot) throw new Error(`no open time #${n}`);
  const created = await client.bookings.create({
    specialist: handle,
    service: service.id,
    start: slot.start,
    customer: { ...customer, timeZone: 'America/New_York' },
    ...extra,
  });
  if (created.paymentSession) {
    const paid: Booking = await client.payments.confirmTest(paymentIntentId(created.paymentSession.clientSecret), { outcome: 'succeed' }, { manageToken: created.manageToken });
    return { ...created, booking: paid };
  }
  return created;
}
