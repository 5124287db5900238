/** One text message to send. */
export interface SmsMessage {
  /** E.164, e.g. `+491701234567`. */
  to: string;
  body: string;
  /** Stable per delivery: the same message retried carries the same key. */
  idempotencyKey: string;
  /**
   * Set on a retry, when an earlier attempt may have reached the provider without its answer
   * reaching us (a timeout, a dropped connection, a crash after the send): the transport first
   * looks for this message among those it sent to `to` since this instant (epoch ms), and does not
   * send it twice. Providers without idempotency keys (Twilio has none) need this.
   */
  retrySince?: number;
}

/** What the provider said: its id of the message, or that the recipient has opted out of texts. */
export interface SmsReceipt {
  providerId?: string;
  /** The recipient has asked the provider for no more texts (replied STOP): nothing was sent, on purpose. */
  optedOut?: boolean;
}

/** Sends text messages (a Twilio-compatible HTTP API). Absent from `ServiceDeps` when SMS is off. */
export interface SmsTransport {
  readonly name: string;
  /** Rejects with a `DeliveryFailure` (retryable or not) when the message was not accepted. */
  send(message: SmsMessage): Promise<SmsReceipt>;
}
