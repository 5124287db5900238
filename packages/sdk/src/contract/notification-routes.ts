import { NotificationList, NotificationListQuery, NotificationsRead, NotificationsReadResult } from './notifications.js';
import { operations } from './operations.js';
import type { ProblemCode } from './problems.js';
import { bodyErrors, type RouteSpec } from './route-spec.js';

const meErrors: ProblemCode[] = ['unauthorized', 'token_expired', 'forbidden'];

/** A specialist's in-app notifications: what happened to their bookings, and what they have read. */
export const notificationRoutes = {
  listMyNotifications: {
    ...operations.listMyNotifications,
    summary: 'Your notifications, newest first, with how many are unread.',
    tag: 'Notifications',
    query: NotificationListQuery,
    response: { status: 200, schema: NotificationList, description: 'A page of notifications and the unread count.' },
    errors: ['invalid_request', ...meErrors],
  },
  markMyNotificationsRead: {
    ...operations.markMyNotificationsRead,
    summary: 'Mark notifications read: the ones named, or all of them.',
    tag: 'Notifications',
    body: NotificationsRead,
    response: { status: 200, schema: NotificationsReadResult, description: 'How many were marked, and how many are still unread.' },
    errors: [...bodyErrors, ...meErrors, 'idempotency_key_reused', 'idempotency_key_in_use'],
  },
} as const satisfies Record<string, RouteSpec>;
