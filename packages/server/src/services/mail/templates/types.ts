import type { Actor } from '@slotwise/sdk/contract';
import type { MessageContent } from '../layout.js';
import type { Strings } from '../locales/index.js';

/**
 * Everything a template may say, already in the recipient's language, zone and currency format.
 * Values are plain text; the layout escapes them.
 */
export interface TemplateInput {
  t: Strings;
  booking: {
    service: string;
    specialist: string;
    customer: string;
    customerEmail: string;
    /** `Monday, 23 November 2026, 09:00 – 09:30` in the recipient's zone. */
    when: string;
    /** False once the service's policy lets the customer neither cancel nor move it online (when the email is written). */
    changeable?: boolean;
    /** `Mon, 23 Nov, 09:00` for subjects. */
    whenShort: string;
    /** `09:00` */
    startTime: string;
    /** `Europe/Berlin (GMT+1)` */
    zone: string;
    duration: number;
    /** Where it happens, as one line (`Video call: https://…`, `In person: …`), or null. */
    place: string | null;
    /** The customer's note to the specialist. */
    notes: string;
    /** What the specialist shares with the customer, as the booking is when the email is written. */
    sharedNotes: string | null;
    recordingUrl: string | null;
    /** The price paid, formatted, or null (free, or a credit). */
    paid: string | null;
    paidWithCredit: boolean;
    /** The promo code applied and what it took off, formatted (`WELCOME (€9.00 off)`), or null. */
    promo: string | null;
  };
  change: {
    actor: Actor;
    reason: string | null;
    /** A move's old time, formatted. */
    previously?: string;
    /** A refund's amount, formatted (cancellations, late payments). */
    refund?: string | null;
    /** The refund is of an offline test payment: no money moved, so none is on its way. */
    testPayments?: boolean;
    /** Why a refund was issued (`late_payment`). */
    refundCause?: string;
    /** A credit booking's cancellation: the credit came back or was kept. */
    credit?: 'returned' | 'kept' | 'revoked';
    /** Reminders: hours before the start. */
    hours?: number;
  };
  links: { manage?: string; receipt?: string; calendar?: string; join?: string };
}

/** What a template writes: everything but the small print, which the composer adds. */
export type TemplateOutput = Omit<MessageContent, 'footer' | 'unsubscribe'>;

export type Template = (input: TemplateInput) => TemplateOutput;
