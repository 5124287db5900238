import { z } from 'zod';
import { Instant, IsoDate, MinorAmount, TimeZone } from './common.js';
import { Service } from './specialists.js';
import { say } from './messages.js';

/** A wall-clock time `HH:MM` (24-hour); `24:00` ends a day. */
export const TimeOfDay = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: say('clock_time') });

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const ordered = <T extends { start: string; end: string }>(r: T) => minutesOf(r.start) < minutesOf(r.end);
const orderMessage = { message: say('end_after_start'), path: ['end'] };

export const TimeRange = z.strictObject({ start: TimeOfDay, end: TimeOfDay }).refine(ordered, orderMessage);

export const WeeklyHours = z
  .strictObject({
    weekday: z.number().int().min(1).max(7).meta({ description: 'ISO weekday: 1 = Monday … 7 = Sunday.' }),
    start: TimeOfDay,
    end: TimeOfDay,
  })
  .refine(ordered, orderMessage);

/**
 * Each interval that overlaps an earlier one of the same weekday in `list` (by start), as an issue on
 * its start: two intervals sharing time are almost always a typo (09:00–12:00 and 11:00–14:00 meant
 * to be 12:00–14:00?), and saved they would silently read as one. Touching ones (… 12:00, 12:00 …)
 * are fine.
 */
function overlaps(list: readonly { weekday: number; start: string; end: string }[], key: 'weekly' | 'breaks', ctx: z.RefinementCtx) {
  const order = list.map((h, i) => ({ h, i })).sort((a, b) => a.h.weekday - b.h.weekday || minutesOf(a.h.start) - minutesOf(b.h.start));
  let day = 0;
  let end = 0;
  for (const { h, i } of order) {
    if (h.weekday !== day) [day, end] = [h.weekday, 0];
    if (minutesOf(h.start) < end) ctx.addIssue({ code: 'custom', message: say('hours_overlap'), path: [key, i, 'start'] });
    end = Math.max(end, minutesOf(h.end));
  }
}

export const WeeklySchedule = z
  .strictObject({
    weekly: z.array(WeeklyHours).max(70).meta({ description: 'Working hours; several intervals a day are fine, as long as they do not overlap.' }),
    breaks: z.array(WeeklyHours).max(70).default([]).meta({ description: 'Taken out of the weekly hours; they may not overlap each other either.' }),
  })
  .superRefine((s, ctx) => {
    overlaps(s.weekly, 'weekly', ctx);
    overlaps(s.breaks, 'breaks', ctx);
  })
  .meta({ id: 'WeeklySchedule' });

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

export const DateOverrideCreate = z
  .strictObject({
    from: IsoDate,
    to: IsoDate.optional().meta({ description: 'Last date (inclusive); defaults to `from`.' }),
    intervals: z.array(TimeRange).max(12).meta({ description: 'The hours on these dates; empty means closed.' }),
  })
  .refine((o) => !o.to || daysBetween(o.from, o.to) >= 0, { message: say('override_order'), path: ['to'] })
  .refine((o) => !o.to || daysBetween(o.from, o.to) < 366, { message: say('override_too_long'), path: ['to'] })
  .meta({ id: 'DateOverrideCreate' });

export const DateOverride = z
  .strictObject({ id: z.string(), from: IsoDate, to: IsoDate, intervals: z.array(TimeRange) })
  .meta({ id: 'DateOverride' });

export const RecurringCreate = z
  .strictObject({
    rrule: z.string().min(6).max(256).meta({ example: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA' }),
    anchor: IsoDate.meta({ description: 'The date the rule counts from (its DTSTART), in the specialist’s zone.' }),
    start: TimeOfDay,
    end: TimeOfDay,
  })
  .refine(ordered, orderMessage)
  .meta({ id: 'RecurringCreate' });

export const Recurring = z
  .strictObject({ id: z.string(), rrule: z.string(), anchor: IsoDate, start: TimeOfDay, end: TimeOfDay })
  .meta({ id: 'Recurring' });

export const CalendarFeedCreate = z
  .strictObject({ url: z.string().max(2048).meta({ description: 'The secret ICS address of an outside calendar (https or webcal).' }) })
  .meta({ id: 'CalendarFeedCreate' });

export const CalendarFeed = z
  .strictObject({
    id: z.string(),
    /** Only the host is shown back: the full address is a secret that grants read access. */
    host: z.string(),
    createdAt: Instant,
    /**
     * What this server process knows of the feed (kept in memory: null = not fetched since the
     * server started). `lastError` is set while the latest fetch failed, cleared by a good one.
     */
    lastSyncedAt: Instant.nullable().meta({ description: 'When the feed was last fetched and read; null if not since the server started.' }),
    busyCount: z.number().int().nullable().meta({ description: 'Events in that copy (a recurring event counts once).' }),
    lastError: z.string().nullable().meta({ description: 'Why the latest fetch failed, as a sentence to show; null when it succeeded.' }),
    lastErrorAt: Instant.nullable(),
  })
  .meta({ id: 'CalendarFeed' });

export const AvailabilityRules = z
  .strictObject({
    timeZone: TimeZone,
    weekly: z.array(WeeklyHours),
    breaks: z.array(WeeklyHours),
    overrides: z.array(DateOverride),
    recurring: z.array(Recurring),
    calendarFeeds: z.array(CalendarFeed),
  })
  .meta({ id: 'AvailabilityRules' });

/** The scheduling rules of a service; all lengths in minutes. */
export const ServiceRulesFields = {
  slotStep: z.number().int().min(5).max(480).nullable().meta({ description: 'Minutes between offered starts; null = the duration.' }),
  bufferBefore: z.number().int().min(0).max(480),
  bufferAfter: z.number().int().min(0).max(480),
  minNotice: z.number().int().min(0).max(60 * 24 * 90).meta({ description: 'Minutes: no start sooner than this.' }),
  maxAdvanceDays: z.number().int().min(1).max(730).nullable().meta({ description: 'Days: no start later than this; null = no limit.' }),
  maxPerDay: z.number().int().min(1).max(100).nullable(),
  maxPerWeek: z.number().int().min(1).max(500).nullable(),
};

export const ServiceDurationInput = z.strictObject({ minutes: z.number().int().min(5).max(480), price: MinorAmount.max(99_999_999, { message: say('price_max') }) });

export const ServiceDetail = Service.extend({ ...ServiceRulesFields, active: z.boolean() }).meta({ id: 'ServiceDetail' });

export const IdParams = z.strictObject({ id: z.string().min(1).max(64) });

export type TimeRange = z.infer<typeof TimeRange>;
export type WeeklyHours = z.infer<typeof WeeklyHours>;
export type WeeklySchedule = z.input<typeof WeeklySchedule>;
export type DateOverrideCreate = z.input<typeof DateOverrideCreate>;
export type DateOverride = z.infer<typeof DateOverride>;
export type RecurringCreate = z.input<typeof RecurringCreate>;
export type Recurring = z.infer<typeof Recurring>;
export type CalendarFeedCreate = z.input<typeof CalendarFeedCreate>;
export type CalendarFeed = z.infer<typeof CalendarFeed>;
export type AvailabilityRules = z.infer<typeof AvailabilityRules>;
export type ServiceDetail = z.infer<typeof ServiceDetail>;

