import rrulePackage from 'rrule';

// rrule ships CommonJS for Node: its named exports are only reachable through the default one.
const { RRule } = rrulePackage;

const ALLOWED_FREQ = new Set([RRule.DAILY, RRule.WEEKLY, RRule.MONTHLY, RRule.YEARLY]);

/**
 * Reads an RRULE body (`FREQ=WEEKLY;INTERVAL=2;BYDAY=SA`) for a rule of whole days: the time of
 * day is given separately, so sub-daily frequencies and an embedded DTSTART are refused.
 * @returns a sentence a specialist can act on, or `undefined` when the rule is fine.
 */
export function rruleProblem(rule: string): string | undefined {
  const body = rule.replace(/^RRULE:/i, '').trim();
  if (/DTSTART|\n/i.test(body)) return 'Give only the RRULE part (e.g. FREQ=WEEKLY;BYDAY=SA); the start date is a separate field.';
  try {
    const options = RRule.parseString(body);
    if (options.freq === undefined) return 'An RRULE needs FREQ, e.g. FREQ=WEEKLY;BYDAY=SA.';
    if (!ALLOWED_FREQ.has(options.freq)) return 'Use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY; the hours are set separately.';
    if (options.byhour || options.byminute || options.bysecond) return 'Leave BYHOUR/BYMINUTE/BYSECOND out; the hours are set separately.';
    return undefined;
  } catch {
    return `"${rule}" is not an RRULE; write it like FREQ=WEEKLY;INTERVAL=2;BYDAY=SA.`;
  }
}

/**
 * The epoch days in `[firstDay, lastDay]` on which `rule`, anchored at `anchorDay`, occurs.
 * Expanded in wall time: dates are computed with UTC standing in for the local calendar, which
 * is exact because only whole dates are produced — no instant is involved until the caller
 * turns a date plus a time of day into one with the zone's offsets.
 */
export function occurrenceDays(rule: string, anchorDay: number, firstDay: number, lastDay: number): number[] {
  const options = RRule.parseString(rule.replace(/^RRULE:/i, '').trim());
  const recurrence = new RRule({ ...options, dtstart: new Date(anchorDay * 86_400_000) });
  return recurrence
    .between(new Date(firstDay * 86_400_000), new Date(lastDay * 86_400_000), true)
    .map((date) => Math.floor(date.getTime() / 86_400_000));
}
