/** Sends text messages (a Twilio-compatible HTTP API). */
export interface SmsTransport {
  readonly name: string;
  /** Rejects with a `DeliveryFailure` when the message was not accepted. */
  send(message: { to: string; body: string; idempotencyKey: string }): Promise<{ providerId?: string }>;
}
