import type { Recurring } from '@slotwise/sdk/contract';
import { weekdayName } from './weekly.js';

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** The RRULE for "every `interval` weeks on ISO `weekday`" (e.g. 2, 6 → `FREQ=WEEKLY;INTERVAL=2;BYDAY=SA`). */
export function weeklyRule(interval: number, weekday: number): string {
  return `FREQ=WEEKLY;INTERVAL=${interval};BYDAY=${DAYS[weekday - 1]}`;
}

const every = (n: number, unit: string) => (n === 1 ? `every ${unit}` : n === 2 ? `every other ${unit}` : `every ${n} ${unit}s on`);

/**
 * A sentence for a recurring rule, e.g. "every other Saturday 10:00–12:00". Rules this form
 * makes read naturally; any other rule is shown as written, not guessed at.
 */
export function recurrenceSummary(rule: Pick<Recurring, 'rrule' | 'start' | 'end'>, locale?: string): string {
  const parts = Object.fromEntries(rule.rrule.split(';').map((p) => p.split('=') as [string, string]));
  const day = DAYS.indexOf(parts['BYDAY'] as (typeof DAYS)[number]) + 1;
  const interval = Number(parts['INTERVAL'] ?? '1');
  const hours = `${rule.start}–${rule.end}`;
  if (parts['FREQ'] === 'WEEKLY' && day > 0 && Object.keys(parts).every((k) => ['FREQ', 'INTERVAL', 'BYDAY'].includes(k))) {
    const name = weekdayName(day, locale);
    return interval <= 2 ? `${every(interval, name)} ${hours}` : `${every(interval, 'week')} ${name} ${hours}`;
  }
  if (parts['FREQ'] === 'DAILY' && Object.keys(parts).every((k) => ['FREQ', 'INTERVAL'].includes(k))) return `${interval === 1 ? 'every day' : interval === 2 ? 'every other day' : `every ${interval} days`} ${hours}`;
  return `${rule.rrule} ${hours}`;
}
