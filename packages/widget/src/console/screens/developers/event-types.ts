import type { WebhookEndpoint } from '@slotwise/sdk/contract';

type Subscription = WebhookEndpoint['eventTypes'][number];

/**
 * The event types an endpoint can subscribe to, with what each means. Written here rather than
 * imported, because the contract's runtime list would ship zod into the console; the type check
 * below fails the build when the contract gains or loses a type.
 */
export const eventTypeChoices = [
  { type: 'booking.created', label: 'A booking was made (held or confirmed)' },
  { type: 'booking.confirmed', label: 'A booking was confirmed' },
  { type: 'booking.rescheduled', label: 'A booking moved' },
  { type: 'booking.cancelled', label: 'A booking was cancelled' },
  { type: 'booking.expired', label: 'An unpaid hold lapsed' },
  { type: 'booking.completed', label: 'A session was completed' },
  { type: 'booking.no_show', label: 'A session was a no-show' },
  { type: 'payment.succeeded', label: 'A payment succeeded' },
  { type: 'payment.refunded', label: 'A payment was refunded' },
  { type: 'package.purchased', label: 'A package was bought' },
  { type: 'package.refunded', label: 'A package was refunded (its unspent credits revoked)' },
  { type: 'package.refund_failed', label: 'A package refund failed at the bank (its credits came back)' },
  { type: 'review.created', label: 'A customer reviewed a session' },
  { type: 'review.answered', label: 'You answered a review' },
] as const satisfies readonly { type: Exclude<Subscription, '*'>; label: string }[];

type Listed = (typeof eventTypeChoices)[number]['type'];
/** `true` only while every contract type is listed. */
type Complete = [Exclude<Exclude<Subscription, '*'>, Listed>] extends [never] ? true : false;
export const everyTypeListed: Complete = true;
