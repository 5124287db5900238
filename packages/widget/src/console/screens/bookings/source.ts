import type { Utm } from '@slotwise/sdk/contract';

/**
 * Where a booking came from, in one line: "newsletter / email · spring-sale (term: coach, content:
 * header)" — source and medium as analytics tools pair them, then the campaign, then the rest.
 */
export function sourceText(utm: Utm): string {
  const head = [utm.utm_source, utm.utm_medium].filter(Boolean).join(' / ');
  const main = [head, utm.utm_campaign].filter(Boolean).join(' · ');
  const rest = [utm.utm_term && `term: ${utm.utm_term}`, utm.utm_content && `content: ${utm.utm_content}`].filter(Boolean).join(', ');
  return [main, rest && `(${rest})`].filter(Boolean).join(' ');
}
