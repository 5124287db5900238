import type { Booking, BookingStatus } from '@slotwise/sdk/contract';
import { addDays, isoWeekday, todayIn } from '../../../internal/dates.js';
import { formatPrice } from '../../../internal/format.js';

/** The agenda's views: three lists by date, and a week of seven columns. */
export type AgendaView = 'today' | 'upcoming' | 'past' | 'week';

export const agendaViews: readonly { view: AgendaView; label: string }[] = [
  { view: 'today', label: 'Today' },
  { view: 'upcoming', label: 'Upcoming' },
  { view: 'past', label: 'Past' },
  { view: 'week', label: 'Week' },
];

export const statusLabels: Record<BookingStatus, string> = {
  held: 'Awaiting payment',
  confirmed: 'Confirmed',
  completed: 'Completed',
  no_show: 'No-show',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

/**
 * The dates (inclusive, in the specialist's zone) a view asks the API for. The API lists by start
 * time, oldest first, so "Past" reads the last 90 days from their start; "Load more" goes on.
 */
export function rangeOf(view: AgendaView, today: string, weekStart: string): { from?: string; to?: string } {
  switch (view) {
    case 'today':
      return { from: today, to: today };
    case 'upcoming':
      return { from: addDays(today, 1) };
    case 'past':
      return { from: addDays(today, -90), to: addDays(today, -1) };
    case 'week':
      return { from: weekStart, to: addDays(weekStart, 6) };
  }
}

/** The Monday of the week `date` falls in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The seven dates from `weekStart`. */
export function weekDates(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

/** The date a booking starts on in `timeZone`. */
export function dayOf(booking: Pick<Booking, 'start'>, timeZone: string): string {
  return todayIn(timeZone, new Date(booking.start));
}

/**
 * The bookings already loaded that match the service and the customer text (name or email, any
 * case). The API filters by status and dates only, so these two narrow the loaded page alone.
 */
export function narrow<T extends Booking>(bookings: readonly T[], serviceId: string, search: string): T[] {
  const needle = search.trim().toLowerCase();
  return bookings.filter(
    (booking) =>
      (!serviceId || booking.service.id === serviceId) &&
      (!needle || booking.customer.name.toLowerCase().includes(needle) || booking.customer.email.toLowerCase().includes(needle)),
  );
}

/** The price as the specialist reads it: a session paid with a package credit is not "Free". */
export function priceOf(booking: Pick<Booking, 'price' | 'currency' | 'paidWithCredit'>): string {
  return booking.paidWithCredit ? 'Package credit' : formatPrice(booking.price, booking.currency);
}
