/** An attachment of an outgoing message. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  /** UTF-8 text or raw bytes. */
  content: string | Uint8Array;
}

/** One message, rendered: what every transport sends the same way. */
export interface OutgoingMail {
  /**
   * `<…@…>`, derived from the delivery's idempotency key: the same message retried keeps its id,
   * so a receiving server (and a mailbox) can tell a retry from a second message.
   */
  messageId: string;
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (`List-Unsubscribe`, …). */
  headers?: Record<string, string>;
  /**
   * A calendar invite: sent as an inline `text/calendar; method=…` part that mail clients show
   * as an invitation, and as an `invite.ics` attachment.
   */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
  attachments?: MailAttachment[];
}

/** Sends mail: SMTP (Node), an HTTP mail API (Node and edge), or nothing (mail off). */
export interface MailTransport {
  readonly name: string;
  /**
   * Sends one message. Resolves with what the provider calls it; rejects with a `DeliveryFailure`
   * (retryable or not) when it was not accepted.
   */
  send(message: OutgoingMail): Promise<{ providerId?: string }>;
}
