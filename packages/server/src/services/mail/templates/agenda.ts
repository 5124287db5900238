import type { Strings } from '../locales/index.js';
import type { TemplateOutput } from './types.js';

export interface AgendaInput {
  t: Strings;
  /** `Monday, 23 November 2026` in the specialist's zone. */
  date: string;
  zone: string;
  sessions: { time: string; customer: string; service: string }[];
}

/** The specialist's morning email: the day's confirmed sessions, in order, in their zone. */
export function specialistAgenda({ t, date, zone, sessions }: AgendaInput): TemplateOutput {
  const s = t.specialistAgenda;
  return {
    subject: s.subject(sessions.length, date),
    heading: s.heading(date),
    paragraphs: [s.intro(sessions.length), t.common.timesIn(zone)],
    list: sessions.map((x) => s.line(x.time, x.customer, x.service)),
  };
}
