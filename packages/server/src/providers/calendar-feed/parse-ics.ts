import ICAL from 'ical.js';
import { DAY_MS } from '../../domain/civil.js';
import type { Busy } from '../../domain/slots.js';
import { CalendarFeedError } from '../../services/availability/calendar-feed-error.js';
import { createInstantReader, type IcalTime } from './ics-time.js';
import { forEachOccurrence, type ExpansionBudget } from './recurrence.js';
import { blocks, endReader, timeOf, tzidOf, type IcalComponent } from './vevent.js';

/**
 * A feed parsed once, to be read for many windows. Treat as opaque and read-only: ical.js caches
 * the values it decodes on these components, which is what makes reading it again cheap.
 */
export interface ParsedCalendar {
  readonly events: readonly IcalComponent[];
}

/** Bounds on recurrence expansion, so a hostile feed cannot hang the server. */
export interface ExpansionLimits {
  /** Candidate times ical.js may examine for one event. @default 5000 */
  maxIterationsPerEvent?: number;
  /** The same, for all events of the feed together (a hostile 2 MiB feed then costs ~0.3 s a read). @default 50000 */
  maxIterationsPerFeed?: number;
}

// ical.js's own reason quotes the offending line (a whole HTML page, say): kept as the cause only.
const unparseable = (cause?: unknown) =>
  new CalendarFeedError(
    'unparseable',
    'The address does not return a calendar (.ics) file. Check that you copied the calendar’s secret iCal address, not its web page.',
    { cause },
  );

/**
 * Parses an ICS document. Each VEVENT gets as parent a calendar holding only the feed's VTIMEZONEs:
 * ical.js resolves TZIDs against those (no global TimezoneService, so one feed's definitions never
 * leak into another's), and its lookup rescans the parent's children for every unknown TZID, which
 * over the whole calendar would be quadratic in the number of events.
 *
 * @throws CalendarFeedError `unparseable` when the text is not iCalendar or holds no VCALENDAR.
 */
export function parseCalendar(text: string): ParsedCalendar {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (error) {
    throw unparseable(error);
  }
  const roots = Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : (jcal as unknown[]);
  if (roots.length === 0 || !roots.every((root) => Array.isArray(root) && root[0] === 'vcalendar')) {
    throw unparseable();
  }
  return {
    events: (roots as [string, unknown[], unknown[][]][]).flatMap(([, properties, children]) => {
      const zones = new ICAL.Component(['vcalendar', properties, children.filter((c) => c[0] === 'vtimezone')]);
      return children.filter((c) => c[0] === 'vevent').map((c) => new ICAL.Component(c, zones));
    }),
  };
}

/**
 * The busy intervals of a parsed feed that overlap `window`, clipped to it and sorted by start.
 * Pure. Recurring events are expanded in their own wall time; each RECURRENCE-ID instance
 * replaces the instance of its series (same UID) that it names, or removes it when cancelled. An
 * event ical.js cannot read is skipped rather than failing the feed: the rest still block time.
 */
export function busyFromCalendar(
  calendar: ParsedCalendar,
  window: { from: number; to: number },
  timeZone: string,
  limits: ExpansionLimits = {},
): Busy[] {
  if (!(window.to > window.from)) return [];
  const read = createInstantReader(window, timeZone);
  const perEvent = limits.maxIterationsPerEvent ?? 5000;
  const budget: ExpansionBudget = { event: perEvent, feed: limits.maxIterationsPerFeed ?? 50_000 };
  const found: Busy[] = [];
  const block = (start: number, end: number) => {
    if (end > start && end > window.from && start < window.to) {
      found.push({ start: Math.max(start, window.from), end: Math.min(end, window.to) });
    }
  };
  const single = (event: IcalComponent, dtstart: IcalTime, tzid: string | undefined, skip?: Set<number>) => {
    const start = read(dtstart, tzid);
    if (!skip?.has(start)) block(start, endReader(event, dtstart, tzid, read, false)(dtstart, start));
  };

  const replaced = new Map<string, Set<number>>();
  const masters: IcalComponent[] = [];
  for (const event of calendar.events) {
    try {
      const recurrenceId = timeOf(event, 'recurrence-id');
      if (!recurrenceId) {
        masters.push(event);
        continue;
      }
      const uid = String(event.getFirstPropertyValue('uid') ?? '');
      if (!replaced.has(uid)) replaced.set(uid, new Set());
      replaced.get(uid)!.add(read(recurrenceId, tzidOf(event, 'recurrence-id')));
      const dtstart = timeOf(event, 'dtstart');
      if (dtstart && blocks(event)) single(event, dtstart, tzidOf(event, 'dtstart'));
    } catch {
      // Malformed: skipped (see above).
    }
  }

  for (const event of masters) {
    try {
      const dtstart = timeOf(event, 'dtstart');
      if (!dtstart || !blocks(event)) continue;
      const tzid = tzidOf(event, 'dtstart');
      const skip = replaced.get(String(event.getFirstPropertyValue('uid') ?? ''));
      if (!event.hasProperty('rrule') && !event.hasProperty('rdate')) {
        single(event, dtstart, tzid, skip);
        continue;
      }
      const firstMs = read(dtstart, tzid);
      // Every RRULE instance starts at or after DTSTART; only an RDATE may come earlier.
      if (firstMs >= window.to && !event.hasProperty('rdate')) continue;
      const endOf = endReader(event, dtstart, tzid, read, true);
      const length = Math.max(0, endOf(dtstart, firstMs) - firstMs);
      budget.event = perEvent;
      const options = { read, untilMs: window.to, afterMs: window.from - length - DAY_MS, budget };
      forEachOccurrence(event, dtstart, tzid, options, (start, startMs) => {
        if (!skip?.has(startMs)) block(startMs, endOf(start, startMs));
      });
    } catch {
      // Malformed: skipped (see above).
    }
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The busy intervals of an ICS document that overlap `window` (epoch ms, half-open), clipped to
 * it and sorted by start. Floating and all-day times are read in `timeZone`, the specialist's.
 *
 * @throws CalendarFeedError `unparseable` when the text is not iCalendar.
 * @example
 * busyFromIcs(text, { from: Date.parse('2026-11-01T00:00Z'), to: Date.parse('2026-11-08T00:00Z') }, 'Europe/Berlin');
 */
export function busyFromIcs(text: string, window: { from: number; to: number }, timeZone: string, limits?: ExpansionLimits): Busy[] {
  return busyFromCalendar(parseCalendar(text), window, timeZone, limits);
}
