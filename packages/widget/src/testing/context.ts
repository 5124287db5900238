import { en } from '../i18n/en.js';
import { fixture, html, oneEvent } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import type { SlotwiseClient } from '@slotwise/sdk';
import type { Service } from '@slotwise/sdk/contract';
import { bookingContext, type BookingContext } from '../context.js';
import type { SlotwiseEvent, SlotwiseEventMap } from '../events.js';

/** The next `type` event on `target`, typed. */
export function nextEvent<K extends keyof SlotwiseEventMap>(target: EventTarget, type: K): Promise<SlotwiseEvent<K>> {
  return oneEvent<SlotwiseEvent<K>>(target, type);
}

export const intro: Service = {
  id: 'svc_intro',
  name: 'Intro call',
  description: 'A first talk.',
  currency: 'EUR',
  durations: [{ minutes: 30, price: 0 }],
  location: { kind: 'video' },
  capacity: 1,
};

export const coaching: Service = {
  id: 'svc_coaching',
  name: 'Coaching',
  description: '',
  currency: 'EUR',
  durations: [
    { minutes: 45, price: 4500 },
    { minutes: 90, price: 8050 },
  ],
  location: { kind: 'video' },
  capacity: 1,
};

/**
 * Renders `template` inside an element providing `bookingContext`, as `<slotwise-booking>`
 * would, and returns the first child plus a way to change the context.
 */
export async function inContext<T extends HTMLElement>(template: TemplateResult, value: Partial<BookingContext> = {}) {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const provider = new ContextProvider(host, {
    context: bookingContext,
    initialValue: {
      client: {} as SlotwiseClient,
      specialist: 'demo',
      timeZone: 'Europe/Berlin',
      locale: 'en-US',
      messages: en,
      selection: {},
      ...value,
    },
  });
  render(template, host);
  const el = host.firstElementChild as T & { updateComplete: Promise<boolean> };
  await el.updateComplete;
  return {
    el,
    async update(patch: Partial<BookingContext>) {
      provider.setValue({ ...provider.value!, ...patch });
      await el.updateComplete;
    },
  };
}
