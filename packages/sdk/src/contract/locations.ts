import { z } from 'zod';
import { Instant } from './common.js';
import { say } from './messages.js';

/**
 * Where a session happens: `video` (a meeting made for each booking by a provider), `link` (the
 * specialist's own fixed meeting link), `phone`, `in_person` or `none` (arranged otherwise).
 */
export const LocationKind = z.enum(['video', 'link', 'phone', 'in_person', 'none']);

/** Who makes a `video` session's meeting: Jitsi Meet (no account needed) or Zoom (when the server has Zoom set up). */
export const MeetingProviderName = z.enum(['jitsi', 'zoom']);

/** A link anyone may be sent: https only, no credentials in it. */
export const MeetingLink = z
  .url({ protocol: /^https$/, message: say('meeting_link') })
  .max(500)
  .refine((value) => !/^https:\/\/[^/]*@/.test(value), { message: say('meeting_link_credentials') })
  .meta({ description: 'Your own permanent meeting room, for services whose location is `link`.' });

/** `+49 30 1234567`, `(555) 010-0199`: digits with the usual separators, at least six digits. */
const PhoneNumber = z
  .string()
  .trim()
  .max(40)
  .refine((value) => /^\+?[0-9 ().\/-]+$/.test(value) && value.replace(/\D/g, '').length >= 6, {
    message: say('phone_format'),
  });

const Address = z.string().trim().min(3, { message: say('address_required') }).max(500);

/** A service's location as the public profile shows it: the kind only, never a link or an address. */
export const PublicServiceLocation = z.strictObject({ kind: LocationKind });

/** A service's location as its specialist sets and reads it. */
export const ServiceLocation = z
  .strictObject({
    kind: LocationKind,
    provider: MeetingProviderName.nullable().meta({ description: 'For `video`: who makes the meeting. null for other kinds.' }),
    detail: z.string().nullable().meta({ description: 'The address (`in_person`) or phone number (`phone`); null for other kinds.' }),
  })
  .meta({ id: 'ServiceLocation' });

export const ServiceLocationInput = z
  .strictObject({
    kind: LocationKind,
    provider: MeetingProviderName.optional().meta({ description: 'For `video` only. @default jitsi' }),
    detail: z.string().max(500).optional().meta({ description: 'For `in_person` (the address) and `phone` (the number to call) only.' }),
  })
  .superRefine((location, ctx) => {
    if (location.provider !== undefined && location.kind !== 'video') {
      ctx.addIssue({ code: 'custom', path: ['provider'], message: say('provider_video_only') });
    }
    if (location.kind === 'phone' || location.kind === 'in_person') {
      const schema = location.kind === 'phone' ? PhoneNumber : Address;
      const checked = schema.safeParse(location.detail ?? '');
      if (location.detail === undefined) ctx.addIssue({ code: 'custom', path: ['detail'], message: say(location.kind === 'phone' ? 'phone_detail_required' : 'address_detail_required') });
      else if (!checked.success) ctx.addIssue({ code: 'custom', path: ['detail'], message: checked.error.issues[0]!.message });
    } else if (location.detail !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['detail'], message: say('detail_not_allowed') });
    }
  })
  .overwrite((location) => (location.detail === undefined ? location : { ...location, detail: location.detail.trim() }))
  .meta({
    id: 'ServiceLocationInput',
    description: 'Replaces the location as a whole. `link` uses the meeting link of your profile (set it first).',
  });

/** Where a booked session happens, for its customer and specialist. Meeting links are in `join`, not here. */
export const BookingLocation = z
  .strictObject({
    kind: LocationKind,
    detail: z.string().nullable().meta({ description: 'The address (`in_person`) or phone number (`phone`); null otherwise.' }),
  })
  .meta({ id: 'BookingLocation' });

export const BookingJoin = z
  .strictObject({
    opensAt: Instant.meta({ description: 'When the join link appears (by default 10 minutes before the start).' }),
    closesAt: Instant.meta({ description: 'When it disappears (by default the end).' }),
    url: z.string().nullable().meta({
      description: 'The meeting link, only while the window is open and the booking confirmed; null before, after, or while the meeting is still being made.',
    }),
  })
  .meta({ id: 'BookingJoin' });

/** The session's meeting as its specialist sees it, at any time. */
export const BookingMeeting = z
  .strictObject({
    url: z.string(),
    provider: z.enum(['jitsi', 'zoom', 'link']).meta({ description: '`link`: your own fixed meeting link.' }),
  })
  .meta({ id: 'BookingMeeting' });

export type LocationKind = z.infer<typeof LocationKind>;
export type MeetingProviderName = z.infer<typeof MeetingProviderName>;
export type PublicServiceLocation = z.infer<typeof PublicServiceLocation>;
export type ServiceLocation = z.infer<typeof ServiceLocation>;
export type ServiceLocationInput = z.input<typeof ServiceLocationInput>;
export type BookingLocation = z.infer<typeof BookingLocation>;
export type BookingJoin = z.infer<typeof BookingJoin>;
export type BookingMeeting = z.infer<typeof BookingMeeting>;
