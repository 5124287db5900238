import { wallTime, zoneLabel } from '../notifications/wording.js';

export interface ReminderFacts {
  serviceName: string;
  specialistName: string;
  start: number;
  /** The customer's zone: the time is written in it. */
  timeZone: string;
}

/**
 * A reminder text: what, with whom, when — in the customer's own zone, named so a traveller
 * cannot misread it ("Berlin time") — and where to manage it. It holds **no link**: a text
 * travels in clear through carriers, shows on lock screens and sits in phone backups, and the
 * only link that would help (the manage page) carries the booking's manage token, which can
 * cancel the booking; a link without it would need a login the customer does not have. The
 * confirmation email holds the link, so the text points there. The time is absolute, never
 * "tomorrow", so a reminder sent late still says the truth. Plain ASCII keeps it in the GSM
 * alphabet (160 characters a part) unless a name needs more.
 */
export function reminderText(facts: ReminderFacts): string {
  return `Reminder: ${facts.serviceName} with ${facts.specialistName}, ${wallTime(facts.start, facts.timeZone)} (${zoneLabel(facts.timeZone)}). To change or cancel, use the link in your confirmation email.`;
}
