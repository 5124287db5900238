import ICAL from 'ical.js';
import { DAY_MS } from '../../domain/civil.js';
import { wallMs, type IcalTime, type InstantReader } from './ics-time.js';

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalRecur = InstanceType<typeof ICAL.Recur>;

/**
 * ical.js internals used to bound its loops (`init` is not in its typings). Stable since 1.x; if an
 * upgrade renames them, every RRULE fails here and the recurrence tests say so.
 */
interface IteratorInternals {
  init(): void;
  check_contracting_rules(): boolean;
  expand_year_days(year: number): number;
  completed: boolean;
}

/**
 * Work ical.js may still do, in candidate times examined: `event` for the current event, `feed`
 * for the rest of the parse.
 */
export interface ExpansionBudget {
  event: number;
  feed: number;
}

/** What expanding one year's matching days costs against the budget: about ten candidate checks' worth of work. */
export const YEAR_EXPANSION_COST = 10;

class BudgetExhausted extends Error {}

const UNIT_MS: Partial<Record<string, number>> = { SECONDLY: 1000, MINUTELY: 60_000, HOURLY: 3_600_000, DAILY: DAY_MS, WEEKLY: 7 * DAY_MS };

/**
 * Moves a COUNT-less rule's start forward by whole periods (INTERVAL × FREQ) to just before
 * `targetMs`, so a daily meeting that began in 2012 costs a few iterations, not thousands. Whole
 * periods keep every BY-part in phase. The moved start is always an instance in ical.js even if the
 * rule would skip it, so `targetMs` must leave it outside the window.
 */
function fastForward(rule: IcalRecur, start: IcalTime, startMs: number, targetMs: number): IcalTime {
  const unit = rule.freq ? UNIT_MS[rule.freq] : undefined;
  if (!unit || rule.count || (start.isDate && unit < DAY_MS)) return start;
  const periods = Math.floor((targetMs - startMs) / (unit * (rule.interval || 1)));
  if (periods <= 0) return start;
  const moved = start.clone();
  const units = periods * (rule.interval || 1);
  if (unit >= DAY_MS) moved.adjust((units * unit) / DAY_MS, 0, 0, 0);
  else moved.adjust(0, 0, 0, (units * unit) / 1000);
  return moved;
}

/**
 * A RecurIterator whose search loops draw on `budget`. `initialized: true` defers `init()` until
 * the guards are in place: for an impossible YEARLY rule `init()` alone scans to the year 20000,
 * and `next()` of `FREQ=SECONDLY;BYMONTH=12` examines millions of seconds before its first match.
 */
function guardedIterator(rule: IcalRecur, start: IcalTime, budget: ExpansionBudget) {
  const iterator = new ICAL.RecurIterator({ rule, dtstart: start, initialized: true });
  const internals = iterator as unknown as IteratorInternals;
  const spend = (cost: number) => {
    budget.event -= cost;
    budget.feed -= cost;
    if (budget.event < 0 || budget.feed < 0) throw new BudgetExhausted();
  };
  const check = internals.check_contracting_rules.bind(internals);
  const expand = internals.expand_year_days.bind(internals);
  internals.check_contracting_rules = () => (spend(1), check());
  internals.expand_year_days = (year) => (spend(YEAR_EXPANSION_COST), expand(year));
  try {
    internals.init();
  } catch (error) {
    // ical.js throws when a rule can have no instance; the event's DTSTART still counts.
    if (error instanceof BudgetExhausted) throw error;
    internals.completed = true;
  }
  return iterator;
}

const values = (component: IcalComponent, name: string) =>
  component.getAllProperties(name).flatMap((property) => {
    const tzid = property.getParameter('tzid');
    return property.getValues().map((value: unknown) => ({
      time: value instanceof ICAL.Period ? value.start : (value as IcalTime),
      tzid: typeof tzid === 'string' ? tzid : undefined,
    }));
  });

export interface ExpandOptions {
  read: InstantReader;
  /** Occurrences starting at or after this are not visited. */
  untilMs: number;
  /** Occurrences must start after this to matter (the window's start minus the event's length). */
  afterMs: number;
  budget: ExpansionBudget;
}

/**
 * Visits each instance of a recurring VEVENT (DTSTART, RRULEs, RDATEs, minus EXDATEs) that starts
 * before `untilMs`, once per start instant, in no particular order. A rule ical.js rejects or that
 * runs out of budget stops there; what it produced so far is kept.
 */
export function forEachOccurrence(
  event: IcalComponent,
  dtstart: IcalTime,
  tzid: string | undefined,
  options: ExpandOptions,
  visit: (start: IcalTime, startMs: number) => void,
): void {
  const { read, untilMs, afterMs, budget } = options;
  const excludedAt = new Set<number>();
  const excludedDays = new Set<number>();
  for (const ex of values(event, 'exdate')) {
    if (ex.time.isDate) excludedDays.add(Math.floor(wallMs(ex.time) / DAY_MS));
    else excludedAt.add(read(ex.time, ex.tzid));
  }
  const seen = new Set<number>();
  const offer = (time: IcalTime, startMs: number) => {
    if (startMs >= untilMs || seen.has(startMs) || excludedAt.has(startMs)) return;
    if (excludedDays.has(Math.floor(wallMs(time) / DAY_MS))) return;
    seen.add(startMs);
    visit(time, startMs);
  };

  const startMs = read(dtstart, tzid);
  offer(dtstart, startMs);
  for (const rdate of values(event, 'rdate')) offer(rdate.time, read(rdate.time, rdate.tzid));
  for (const property of event.getAllProperties('rrule')) {
    if (budget.event <= 0 || budget.feed <= 0) break;
    try {
      const rule = property.getFirstValue();
      if (!(rule instanceof ICAL.Recur)) continue;
      const iterator = guardedIterator(rule, fastForward(rule, dtstart, startMs, afterMs - DAY_MS), budget);
      for (let next = iterator.next(); next; next = iterator.next()) {
        const nextMs = read(next, tzid);
        if (nextMs >= untilMs) break;
        if (nextMs > afterMs) offer(next, nextMs);
      }
    } catch {
      // Out of budget, or a rule ical.js cannot follow: keep the instances found so far.
    }
  }
}
