import { z } from 'zod';
import { Instant } from './common.js';
import { say } from './messages.js';

/** One notice in a specialist's app: something that happened to their bookings, read or not. */
export const Notification = z
  .strictObject({
    id: z.string().meta({ example: 'ntf_4k9w2m7q1c8z3x5v' }),
    kind: z.string().meta({
      description: 'What it is about: `booking.confirmed`, `booking.rescheduled`, `booking.cancelled`, `booking.refunded`, a package sold (`package.purchased`, no booking), a new review of a session (`review.created`, naming its booking), or trouble on your behalf: `meeting.failed`, `webhook.failed`, `webhook.disabled`.',
      example: 'booking.confirmed',
    }),
    /** The booking it is about, if any. */
    bookingId: z.string().nullable(),
    title: z.string().meta({ example: 'New booking: Ada Lovelace' }),
    body: z.string(),
    read: z.boolean(),
    readAt: Instant.nullable(),
    createdAt: Instant,
  })
  .meta({ id: 'Notification' });

export const NotificationList = z
  .strictObject({
    data: z.array(Notification),
    hasMore: z.boolean(),
    unread: z.number().int().nonnegative().meta({ description: 'How many of all your notifications are unread (not only on this page).' }),
  })
  .meta({ id: 'NotificationList', description: 'Newest first; pass the last id as `starting_after` for the next page.' });

const QueryFlag = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((value) => value === true || value === 'true');

export const NotificationListQuery = z.strictObject({
  limit: z.coerce.number<number>().int().min(1).max(100).default(20),
  starting_after: z.string().max(64).optional().meta({ description: 'A notification id: the page after it.' }),
  unread: QueryFlag.optional().meta({ description: '`true`: only unread notifications.' }),
});

export const NotificationsRead = z
  .strictObject({
    ids: z.array(z.string().min(1).max(64)).min(1).max(100).optional().meta({ description: 'The notifications to mark read (1–100 ids). Ids that are not yours change nothing.' }),
    all: z.literal(true).optional().meta({ description: 'Mark every notification read.' }),
  })
  .superRefine((value, ctx) => {
    if ((value.ids === undefined) === (value.all === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['ids'], message: say('mark_read_one_of') });
    }
  })
  .meta({ id: 'NotificationsRead' });

export const NotificationsReadResult = z
  .strictObject({
    marked: z.number().int().nonnegative().meta({ description: 'How many were unread and are read now.' }),
    unread: z.number().int().nonnegative().meta({ description: 'How many are still unread.' }),
  })
  .meta({ id: 'NotificationsReadResult' });

export type Notification = z.infer<typeof Notification>;
export type NotificationList = z.infer<typeof NotificationList>;
export type NotificationListQuery = z.input<typeof NotificationListQuery>;
export type NotificationsRead = z.input<typeof NotificationsRead>;
export type NotificationsReadResult = z.infer<typeof NotificationsReadResult>;
