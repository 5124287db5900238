import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DeliveryFailure } from '../../services/delivery/channel.js';
import type { MailTransport, OutgoingMail } from '../../services/mail/port.js';

/**
 * One suite for every mail transport (like Hono's router cases): SMTP through nodemailer into a
 * real SMTP server on 127.0.0.1, and Postmark's HTTP API through its fake. Each file that runs it
 * supplies a harness that reads back what arrived, in one shape.
 */

export interface Arrived {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Every calendar part (an inline invitation, an `.ics` attachment): its method and text. */
  calendars: { method: string | undefined; content: string }[];
  attachments: { filename: string; contentType: string; content: string }[];
}

export interface MailHarness {
  /** Configured with a short timeout (≤ 1 s), so a hanging provider fails fast. */
  transport: MailTransport;
  /** What the provider accepted so far, oldest first. */
  arrived(): Promise<Arrived[]>;
  /** The provider refuses this address for good from now on. */
  refuse(address: string): void;
  /** The provider fails the next message for a passing reason (busy, 5xx). */
  failOnce(): void;
  /** The provider takes the connection and never answers. */
  hang(): void;
  /** The same transport pointed at a port nobody listens on. */
  unreachable(): Promise<MailTransport>;
  close(): Promise<void>;
}

const ICS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Slotwise//Test//EN', 'METHOD:REQUEST', 'BEGIN:VEVENT', 'UID:bk_1@slotwise', 'SEQUENCE:0', 'DTSTAMP:20261120T120000Z', 'DTSTART:20261123T080000Z', 'DTEND:20261123T083000Z', 'SUMMARY:Intro call', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

export const message = (overrides: Partial<OutgoingMail> = {}): OutgoingMail => ({
  messageId: '<0123456789abcdef@slotwise.test>',
  from: 'Slotwise <bookings@slotwise.test>',
  to: 'ada@example.com',
  subject: 'Booked: Intro call — Mon 23 Nov, 09:00 – Zoë & Ørjan',
  text: 'You are booked.\nManage: https://slotwise.test/manage?booking=bk_1&token=t',
  html: '<p>You are booked. <a href="https://slotwise.test/manage?booking=bk_1&amp;token=t">Manage</a> — Zoë</p>',
  ...overrides,
});

export function runMailTransportCases(name: string, setup: () => Promise<MailHarness>): void {
  describe(`mail transport: ${name}`, () => {
    let h: MailHarness;
    beforeEach(async () => {
      h = await setup();
    });
    afterEach(async () => {
      await h.close();
    });

    test('delivers the subject, both bodies, the sender, the recipient and our Message-ID, UTF-8 intact', async () => {
      await h.transport.send(message());
      const [m] = await h.arrived();
      expect(m!.messageId).toBe('<0123456789abcdef@slotwise.test>');
      expect(m!.subject).toBe('Booked: Intro call — Mon 23 Nov, 09:00 – Zoë & Ørjan');
      expect(m!.from).toContain('bookings@slotwise.test');
      expect(m!.to).toContain('ada@example.com');
      expect(m!.text).toContain('Manage: https://slotwise.test/manage?booking=bk_1&token=t');
      expect(m!.html).toContain('<a href="https://slotwise.test/manage?booking=bk_1&amp;token=t">Manage</a> — Zoë');
    });

    test('carries extra headers such as List-Unsubscribe', async () => {
      await h.transport.send(message({ headers: { 'List-Unsubscribe': '<https://slotwise.test/v1/unsubscribe?token=abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }));
      const [m] = await h.arrived();
      expect(m!.headers['list-unsubscribe']).toBe('<https://slotwise.test/v1/unsubscribe?token=abc>');
      expect(m!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    });

    test('attaches a calendar invite as text/calendar with its method, at most twice (inline part and file)', async () => {
      await h.transport.send(message({ calendar: { method: 'REQUEST', content: ICS } }));
      const [m] = await h.arrived();
      expect(m!.calendars.length).toBeGreaterThanOrEqual(1);
      expect(m!.calendars.length).toBeLessThanOrEqual(2);
      expect(m!.calendars.some((c) => c.method === 'REQUEST')).toBe(true);
      for (const c of m!.calendars) expect(c.content.replace(/\r\n/g, '\n')).toContain('UID:bk_1@slotwise\nSEQUENCE:0');
    });

    test('a cancellation goes as method CANCEL', async () => {
      await h.transport.send(message({ calendar: { method: 'CANCEL', content: ICS.replace('METHOD:REQUEST', 'METHOD:CANCEL') } }));
      const [m] = await h.arrived();
      expect(m!.calendars.some((c) => c.method === 'CANCEL')).toBe(true);
      expect(m!.calendars.every((c) => c.method !== 'REQUEST')).toBe(true);
    });

    test('other attachments arrive with their name and type', async () => {
      await h.transport.send(message({ attachments: [{ filename: 'notes.txt', contentType: 'text/plain', content: 'Bring your questions.' }] }));
      const [m] = await h.arrived();
      expect(m!.attachments.find((a) => a.filename === 'notes.txt')).toMatchObject({ contentType: 'text/plain', content: 'Bring your questions.' });
    });

    test('a refused address is a final failure (not retried), and the address is not in the error', async () => {
      h.refuse('gone@example.com');
      const error = await h.transport.send(message({ to: 'gone@example.com' })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeliveryFailure);
      expect((error as DeliveryFailure).retryable).toBe(false);
      expect((error as Error).message).not.toContain('gone@example.com');
      expect(await h.arrived()).toHaveLength(0);
    });

    test('a passing failure of the provider is retryable, and the next attempt goes through', async () => {
      h.failOnce();
      const error = await h.transport.send(message()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeliveryFailure);
      expect((error as DeliveryFailure).retryable).toBe(true);
      await h.transport.send(message());
      expect(await h.arrived()).toHaveLength(1);
    });

    test('an unreachable provider is retryable', async () => {
      const error = await (await h.unreachable()).send(message()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeliveryFailure);
      expect((error as DeliveryFailure).retryable).toBe(true);
    });

    test('a provider that never answers fails the attempt after the timeout, retryable', async () => {
      h.hang();
      const error = await h.transport.send(message()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeliveryFailure);
      expect((error as DeliveryFailure).retryable).toBe(true);
    });
  });
}
