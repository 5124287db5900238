import { eq, sql } from 'drizzle-orm';
import { creditLedger, packagePurchases, payments } from '../db/schema.js';
import { paymentsTestApp } from './payments-app.js';
import type { TestAppOptions } from './test-app.js';

/**
 * `paymentsTestApp()` (real app, fake Stripe over HTTP, the demo connected and its 60-minute
 * session at €90) plus what package tests need: a package of coaching sessions, buying and
 * paying for it, booking with its credits, and the ledger as stored.
 */
export async function packagesTestApp(options: TestAppOptions = {}) {
  const t = await paymentsTestApp(options);
  const { customer } = t;

  /** A package of the demo's coaching session (and any other services), on sale. */
  const createPackage = async (fields: Record<string, unknown> = {}) => {
    const res = await t.json('/v1/me/packages', {
      body: { name: 'Three sessions', sessionCount: 3, serviceIds: [t.session.id], price: 24000, validityDays: 30, ...fields },
      headers: t.asMe,
    });
    if (res.status !== 201) throw new Error(`package failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; sessionCount: number };
  };

  /** Starts buying `packageId`; answers the 201 body and the PaymentIntent's id. */
  const buy = async (packageId: string, who = customer) => {
    const res = await t.json(`/v1/packages/${packageId}/purchases`, { body: { customer: who } });
    if (res.status !== 201) throw new Error(`purchase failed: ${res.status} ${JSON.stringify(res.body)}`);
    const intentId = res.body.paymentSession ? String(res.body.paymentSession.clientSecret).split('_secret_')[0]! : undefined;
    return { ...res.body, intentId } as { purchase: { id: string; status: string }; creditsToken: string; paymentSession: Record<string, unknown> | null; intentId: string };
  };

  /** Buys a package and pays for it at Stripe; resolves once the webhook was delivered. */
  const buyAndPay = async (packageId: string, who = customer) => {
    const bought = await buy(packageId, who);
    t.fake.succeed(bought.intentId);
    await t.fake.settled();
    return bought;
  };

  /** `POST /v1/bookings` of the coaching session (or `service`) at `start`, paid with the credits token. */
  const bookWithCredit = (start: string, token: string, who = customer, service = t.session.id, specialist = 'demo') =>
    t.json('/v1/bookings', { body: { specialist, service, start, customer: who, credit: { token } } });

  const credits = (token: string) => t.json('/v1/credits', { headers: { authorization: `Bearer ${token}` } });

  const ledger = (purchaseId: string) =>
    t.database.db.select().from(creditLedger).where(eq(creditLedger.packagePurchaseId, purchaseId)).orderBy(sql`rowid`); // the order they were written in

  const purchaseRow = async (id: string) => (await t.database.db.select().from(packagePurchases).where(eq(packagePurchases.id, id)))[0]!;
  const purchasePayment = async (id: string) => (await t.database.db.select().from(payments).where(eq(payments.packagePurchaseId, id)))[0]!;
  const intentsCreated = () => t.fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents');

  return { ...t, createPackage, buy, buyAndPay, bookWithCredit, credits, ledger, purchaseRow, purchasePayment, intentsCreated };
}

export type PackagesTestApp = Awaited<ReturnType<typeof packagesTestApp>>;
