import type { ExportCsvTable, PackagePurchaseList, PaymentList, SpecialistBooking } from '@slotwise/sdk/contract';
import type { SpecialistRow } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { csvChunks, type CsvTable } from './csv.js';
import { bookingPages, customerPages, paymentPages, purchasePages, type ExportCustomer } from './pages.js';

/** Amounts are integer minor units (cents), as everywhere in the API; instants are ISO 8601 UTC. */
const bookingsCsv: CsvTable<SpecialistBooking> = {
  header: ['id', 'status', 'service_id', 'service', 'start', 'end', 'duration_minutes', 'customer_name', 'customer_email', 'customer_time_zone', 'price_minor', 'currency', 'paid_minor', 'refunded_minor', 'created_at', 'cancelled_at', 'cancelled_by', 'cancellation_reason', 'reschedule_count', 'customer_notes', 'private_notes', 'promo_code', 'promo_off_minor', 'paid_with_credit', 'utm_source', 'utm_medium', 'utm_campaign'],
  cells: (b) => [
    b.id, b.status, b.service.id, b.service.name, b.start, b.end, b.duration, b.customer.name, b.customer.email, b.customer.timeZone, b.price, b.currency,
    b.payment?.status === 'succeeded' ? b.payment.amount : 0, b.payment?.amountRefunded ?? 0,
    b.createdAt, b.cancelledAt, b.cancelledBy, b.cancellationReason, b.rescheduleCount, b.notes, b.specialistNotes,
    // Added at the end, so a sheet reading the earlier columns by position keeps working.
    b.promo?.code, b.promo?.amountOff, b.paidWithCredit, b.utm?.utm_source, b.utm?.utm_medium, b.utm?.utm_campaign,
  ],
};

const customersCsv: CsvTable<ExportCustomer> = {
  header: ['email', 'name', 'bookings', 'purchases', 'last_seen_at'],
  cells: (c) => [c.email, c.name, c.bookings, c.purchases, c.lastSeenAt],
};

const paymentsCsv: CsvTable<PaymentList['data'][number]> = {
  header: ['id', 'status', 'booking_id', 'package_purchase_id', 'customer_email', 'amount_minor', 'fee_minor', 'specialist_share_minor', 'refunded_minor', 'fee_refunded_minor', 'currency', 'created_at', 'succeeded_at'],
  cells: (p) => [p.id, p.status, p.bookingId, p.packagePurchaseId, p.customerEmail, p.amount, p.fee, p.specialistShare, p.amountRefunded, p.feeRefunded, p.currency, p.createdAt, p.succeededAt],
};

const purchasesCsv: CsvTable<PackagePurchaseList['data'][number]> = {
  header: ['id', 'status', 'package_id', 'package', 'sessions', 'price_minor', 'currency', 'validity_days', 'customer_name', 'customer_email', 'created_at', 'credits_granted', 'credits_remaining', 'credits_expire_at', 'credits_expired'],
  cells: (p) => [
    p.id, p.status, p.package.id, p.package.name, p.package.sessionCount, p.package.price, p.package.currency, p.package.validityDays, p.customerName, p.customerEmail, p.createdAt,
    p.credits?.granted, p.credits?.remaining, p.credits?.expiresAt, p.credits?.expired,
  ],
};

/** One table of the specialist's data as CSV chunks, a page of rows at a time; `packages` is the package sales. */
export function exportCsv(deps: ServiceDeps, specialist: SpecialistRow, table: ExportCsvTable): AsyncGenerator<string> {
  switch (table) {
    case 'bookings':
      return csvChunks(bookingsCsv, bookingPages(deps, specialist, { withEvents: false }));
    case 'customers':
      return csvChunks(customersCsv, customerPages(deps, specialist));
    case 'payments':
      return csvChunks(paymentsCsv, paymentPages(deps, specialist));
    case 'packages':
      return csvChunks(purchasesCsv, purchasePages(deps, specialist));
  }
}
