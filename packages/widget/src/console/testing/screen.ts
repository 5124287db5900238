import { expect } from '@open-wc/testing';
import { deep, deepAll, eventually } from '../../testing/helpers.js';
import { pressKey } from '../../testing/keyboard.js';

/** What an element reads as, spaces collapsed. */
export const text = (el: Element | undefined): string => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** What an element's shadow root reads as (a host's own text is empty). */
export const shown = (el: Element): string => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

/** A console part (`slotwise-console-<name>`) anywhere below `el`. */
export const part = (el: Element, name: string) => deep<HTMLElement & { updateComplete: Promise<boolean> }>(el, `slotwise-console-${name}`)!;

/** The button a person would pick by its words or its accessible name. */
export const button = (el: Element, label: string): HTMLButtonElement =>
  deepAll<HTMLButtonElement>(el, 'button').find((b) => text(b) === label || b.getAttribute('aria-label') === label)!;

/** Sets a field as typing would (an `input` event), for forms whose keys are not under test. */
export function fill(el: Element, selector: string, value: string): void {
  const input = deep<HTMLInputElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

/**
 * Confirms the open dialog from the keyboard after checking it states `says`: it opens on the
 * safe choice, and the action is the next stop.
 */
export async function confirmDialog(el: Element, says: string): Promise<void> {
  await eventually(() => deep<HTMLDialogElement>(el, 'dialog')?.open, 'the confirmation');
  expect(text(deep(el, 'dialog'))).to.contain(says);
  await pressKey('Tab');
  await pressKey('Enter');
}
