import { describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../../node.js';
import { mailSettingsFromEnv } from './from-env.js';

// The production entry reads its mail settings from the environment; a setting it cannot use
// stops the start with one sentence naming the variable.

describe('mail settings from the environment', () => {
  it('no transport: mail off, links from PUBLIC_API_URL / PUBLIC_MANAGE_URL when given', () => {
    expect(optionsFromEnv({})).not.toHaveProperty('mail');
    expect(optionsFromEnv({ PUBLIC_API_URL: 'https://api.example.com/', PUBLIC_MANAGE_URL: 'https://coach.example/book' }).links).toEqual({ api: 'https://api.example.com', manage: 'https://coach.example/book' });
    expect(optionsFromEnv({ PUBLIC_API_URL: 'https://api.example.com' }).links).toEqual({ api: 'https://api.example.com' }); // each specialist's hosted page then
  });

  it('SMTP_URL: SMTP through nodemailer from MAIL_FROM', () => {
    const options = optionsFromEnv({ SMTP_URL: 'smtps://apikey:s%40cret@smtp.example.com:465', MAIL_FROM: 'Coaching <bookings@example.com>', PUBLIC_API_URL: 'https://api.example.com' });
    expect(options.mail?.name).toBe('smtp');
    expect(options.mailFrom).toBe('Coaching <bookings@example.com>');
  });

  it('POSTMARK_SERVER_TOKEN: Postmark’s HTTP API, on its message stream', () => {
    const options = optionsFromEnv({ POSTMARK_SERVER_TOKEN: 'pm-token', POSTMARK_MESSAGE_STREAM: 'outbound', MAIL_FROM: 'bookings@example.com', PUBLIC_API_URL: 'https://api.example.com' });
    expect(options.mail?.name).toBe('postmark');
  });

  it('refuses what cannot work, naming the variable', () => {
    const base = { MAIL_FROM: 'bookings@example.com', PUBLIC_API_URL: 'https://api.example.com' };
    expect(() => optionsFromEnv({ ...base, SMTP_URL: 'smtp://a', POSTMARK_SERVER_TOKEN: 't' })).toThrow('Set SMTP_URL or POSTMARK_SERVER_TOKEN, not both');
    expect(() => optionsFromEnv({ ...base, SMTP_URL: 'mail.example.com:25' })).toThrow('SMTP_URL must look like smtps://');
    expect(() => optionsFromEnv({ ...base, SMTP_URL: 'smtp://mail.example.com', MAIL_FROM: 'nobody' })).toThrow('MAIL_FROM must be the sender');
    expect(() => optionsFromEnv({ SMTP_URL: 'smtp://mail.example.com', MAIL_FROM: 'a@example.com' })).toThrow('With mail on, set PUBLIC_API_URL');
    expect(() => optionsFromEnv({ ...base, PUBLIC_API_URL: 'api.example.com' })).toThrow('PUBLIC_API_URL must be an http(s) URL');
    expect(() => optionsFromEnv({ POSTMARK_MESSAGE_STREAM: 'outbound' })).toThrow('POSTMARK_MESSAGE_STREAM is set without POSTMARK_SERVER_TOKEN');
  });

  it('never puts the SMTP password in an error', () => {
    let message = '';
    try {
      optionsFromEnv({ SMTP_URL: 'smtp://user:hunter2@mail.example.com', MAIL_FROM: 'x' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('MAIL_FROM');
    expect(message).not.toContain('hunter2');
  });

  it('without an SMTP transport to make (the Workers entry), refuses SMTP_URL and points to Postmark', () => {
    const base = { MAIL_FROM: 'bookings@example.com', PUBLIC_API_URL: 'https://api.example.com' };
    expect(() => mailSettingsFromEnv({ ...base, SMTP_URL: 'smtps://u:p@smtp.example.com:465' })).toThrow('SMTP_URL needs the Node server (SMTP needs sockets): here, send mail through Postmark with POSTMARK_SERVER_TOKEN.');
    expect(mailSettingsFromEnv({ ...base, POSTMARK_SERVER_TOKEN: 'pm-token' }).mail?.name).toBe('postmark');
  });
});
