import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Query } from '../../db/shaped.js';
import type { Drizzle } from '../../db/client.js';
import { creditLedger, packagePurchases, packages, payments, refunds, type CreditLedgerRow, type PackagePurchaseRow, type PaymentRow, type RefundRow } from '../../db/schema.js';
import { feeRefund } from '../../domain/money.js';
import { ledgerStill } from '../packages/credits.js';
import { packageEventQuery } from '../packages/outbox.js';

type Happened = Parameters<typeof packageEventQuery>[3];

/**
 * A payment's books, read in one snapshot: the payment, its refunds, and — for a package
 * purchase's payment — the purchase, its package's name and its whole credit ledger. The money
 * steps (`money-steps.ts`: grant or cancel a purchase, queue a refund, record its outcome, revoke and restore credits, re-add
 * the refunded totals) change these rows IN MEMORY, each in the order a transaction would have run
 * them, and append the statements that write the same change to `queries`: later steps read what
 * earlier ones changed, as they did inside `BEGIN IMMEDIATE`, and the whole change is then ONE
 * guarded batch (`db/batch.ts`) behind `booksStill`.
 */
export interface Books {
  db: Drizzle;
  payment: PaymentRow;
  refunds: RefundRow[];
  purchase: PackagePurchaseRow | undefined;
  packageName: string;
  /** The purchase's ledger in insertion order (empty without a purchase). */
  entries: CreditLedgerRow[];
  queries: Query[];
  /** What the snapshot read, for the guard. */
  read: { paymentStatus: PaymentRow['status']; amountRefunded: number; refunds: string; purchaseStatus: string | undefined; ledger: number };
}

/** The refunds' fingerprint the guard compares: how many, how many pending, how many succeeded. */
const fingerprint = (rows: readonly Pick<RefundRow, 'status'>[]) =>
  `${rows.length}:${rows.filter((r) => r.status === 'pending').length}:${rows.filter((r) => r.status === 'succeeded').length}`;

/** Reads `payment`'s books (the payment row re-read: the caller's may be older than this snapshot). */
export async function readBooks(db: Drizzle, paymentId: string): Promise<Books | undefined> {
  const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
  if (!payment) return undefined;
  const purchaseId = payment.packagePurchaseId;
  // The ledger before the purchase row: a grant written after it was read makes the guard refuse.
  const entries = purchaseId ? await db.select().from(creditLedger).where(eq(creditLedger.packagePurchaseId, purchaseId)) : [];
  const [found] = purchaseId
    ? await db.select({ purchase: packagePurchases, name: packages.name }).from(packagePurchases).leftJoin(packages, eq(packages.id, packagePurchases.packageId)).where(eq(packagePurchases.id, purchaseId))
    : [];
  const rows = await db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
  return {
    db,
    payment,
    refunds: rows,
    purchase: found?.purchase,
    packageName: found?.name ?? '',
    entries,
    queries: [],
    read: { paymentStatus: payment.status, amountRefunded: payment.amountRefunded, refunds: fingerprint(rows), purchaseStatus: found?.purchase.status, ledger: entries.length },
  };
}

/**
 * The guard's condition: nothing these books were computed from has changed — the payment's status
 * and refunded total, its refunds (count and statuses), the purchase's status and ledger (entries
 * are only appended, so their count is enough).
 */
export function booksStill(books: Books): SQL {
  const { payment, purchase, read } = books;
  const refundRows = sql`(select count(*) || ':' || coalesce(sum(${refunds.status} = 'pending'), 0) || ':' || coalesce(sum(${refunds.status} = 'succeeded'), 0) from ${refunds} where ${refunds.paymentId} = ${payment.id})`;
  return and(
    sql`exists (select 1 from ${payments} where ${payments.id} = ${payment.id} and ${payments.status} = ${read.paymentStatus} and ${payments.amountRefunded} = ${read.amountRefunded})`,
    sql`${refundRows} = ${read.refunds}`,
    purchase ? sql`exists (select 1 from ${packagePurchases} where ${packagePurchases.id} = ${purchase.id} and ${packagePurchases.status} = ${read.purchaseStatus!})` : undefined,
    purchase ? ledgerStill(purchase.id, read.ledger) : undefined,
  )!;
}

/** Sets columns of the payment, in memory and in the batch. */
export function setPayment(books: Books, values: Partial<Omit<PaymentRow, 'id'>>): void {
  books.payment = { ...books.payment, ...values };
  books.queries.push(books.db.update(payments).set(values).where(eq(payments.id, books.payment.id)));
}

/** Sets columns of one of the payment's refunds. */
export function setRefund(books: Books, id: string, values: Partial<Omit<RefundRow, 'id' | 'paymentId'>>): void {
  books.refunds = books.refunds.map((r) => (r.id === id ? { ...r, ...values } : r));
  books.queries.push(books.db.update(refunds).set(values).where(eq(refunds.id, id)));
}

/** Adds a refund row of the payment. */
export function addRefund(books: Books, row: RefundRow): RefundRow {
  books.refunds = [...books.refunds, row];
  books.queries.push(books.db.insert(refunds).values(row));
  return row;
}

/** Appends a ledger entry of the purchase. */
export function addEntry(books: Books, entry: Omit<CreditLedgerRow, 'bookingId' | 'expiresAt'> & Partial<Pick<CreditLedgerRow, 'bookingId' | 'expiresAt'>>): void {
  const row: CreditLedgerRow = { bookingId: null, expiresAt: null, ...entry };
  books.entries = [...books.entries, row];
  books.queries.push(books.db.insert(creditLedger).values(row));
}

/** Sets the purchase's status. */
export function setPurchaseStatus(books: Books, status: PackagePurchaseRow['status']): void {
  books.purchase = { ...books.purchase!, status };
  books.queries.push(books.db.update(packagePurchases).set({ status }).where(eq(packagePurchases.id, books.purchase.id)));
}

/** The outbox row of a package event, the purchase as it is at this point of the change. */
export function tellPackage(books: Books, happened: Happened, now: number): void {
  books.queries.push(packageEventQuery(books.db, books.purchase!, books.packageName, happened, now));
}

/** What the refunds issued or being issued add up to (a failed one gave nothing back), and their share of the fee. */
export function refundedSoFarIn(books: Books): { amount: number; fee: number } {
  const standing = books.refunds.filter((r) => r.status === 'pending' || r.status === 'succeeded');
  return { amount: standing.reduce((s, r) => s + r.amount, 0), fee: standing.reduce((s, r) => s + r.feeAmount, 0) };
}

/** The fee share of a new refund of `amount`, given what was refunded before it. */
export const feeShare = (books: Books, amount: number) => {
  const { amount: refunded, fee } = refundedSoFarIn(books);
  return feeRefund(books.payment.feeAmount, books.payment.amount, amount, fee, refunded);
};
