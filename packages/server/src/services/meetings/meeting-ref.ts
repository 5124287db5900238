import type { BookingMeeting } from '@slotwise/sdk/contract';
import type { BookingRow } from '../../db/schema.js';

/** Who made a booking's meeting: a provider, or the specialist's own fixed link. */
export type MeetingSource = BookingMeeting['provider'];

/**
 * `bookings.meeting_ref` is `<source>:<the provider's id>` (`zoom:81234567890`, `jitsi:room-…`)
 * or `link` for the specialist's fixed link, so a later move or cancellation reaches the provider
 * that made the meeting even if the service's provider changed meanwhile.
 */
export function encodeMeetingRef(source: MeetingSource, providerRef?: string): string {
  return source === 'link' ? 'link' : `${source}:${providerRef ?? ''}`;
}

export function decodeMeetingRef(ref: string | null): { source: MeetingSource; id: string } | undefined {
  if (!ref) return undefined;
  if (ref === 'link') return { source: 'link', id: '' };
  const cut = ref.indexOf(':');
  const source = ref.slice(0, cut);
  if (source !== 'zoom' && source !== 'jitsi') return undefined;
  return { source, id: ref.slice(cut + 1) };
}

/** Only meetings the provider keeps (Zoom's) are moved and deleted there; a Jitsi room or a fixed link has nothing to change. */
export const keptByProvider = (ref: string | null) => decodeMeetingRef(ref)?.source === 'zoom';

/** The booking's meeting as its specialist sees it, whatever the time. */
export function meetingOf(row: Pick<BookingRow, 'meetingUrl' | 'meetingRef'>): BookingMeeting | null {
  if (!row.meetingUrl) return null;
  return { url: row.meetingUrl, provider: decodeMeetingRef(row.meetingRef)?.source ?? 'link' };
}
