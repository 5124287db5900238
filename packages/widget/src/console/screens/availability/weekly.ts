import type { WeeklyHours } from '@slotwise/sdk/contract';

/** Monday to Friday, 09:00–17:00: where a new specialist's week starts. */
export const DEFAULT_WEEKLY: WeeklyHours[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

/** ISO weekday (1 = Monday) → its long name in `locale`. */
export function weekdayName(weekday: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday, 12)));
}

/** "Monday 09:00–12:00, 13:00–17:00; Tuesday …", the week in one line. */
export function weeklySummary(weekly: readonly WeeklyHours[], locale?: string): string {
  const days = [1, 2, 3, 4, 5, 6, 7]
    .map((day) => [day, weekly.filter((h) => h.weekday === day)] as const)
    .filter(([, hours]) => hours.length > 0)
    .map(([day, hours]) => `${weekdayName(day, locale)} ${hours.map((h) => `${h.start}–${h.end}`).join(', ')}`);
  return days.length ? days.join('; ') : 'No weekly hours yet.';
}
