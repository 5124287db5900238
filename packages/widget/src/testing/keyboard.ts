import { deepActiveElement } from '../internal/focus.js';

/**
 * Real key presses from the test runner: Chromium types them (through the DevTools protocol), so
 * the page sees trusted `keydown`/`input` events, as from a person. This is the message
 * `@web/test-runner-commands`' `sendKeys` sends over the runner's web socket (its server side is
 * one of the runner's default plugins); that package is not a dependency of the widget.
 */
async function runnerCommand(command: string, payload: unknown): Promise<void> {
  const sessionId = new URL(location.href).searchParams.get('wtr-session-id');
  if (!sessionId) throw new Error('Real key presses need a page opened by @web/test-runner.');
  const socket = '/__web-dev-server__web-socket.js';
  const { sendMessageWaitForResponse } = (await import(socket)) as {
    sendMessageWaitForResponse(message: object): Promise<{ executed?: boolean }>;
  };
  const response = await sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command, payload });
  if (!response.executed) throw new Error(`The test runner did not run "${command}".`);
}

/** Replaces what `input` holds by typing `text` into it, key by key. */
export async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  input.select();
  await runnerCommand('send-keys', { type: text });
  if (input.value !== text) throw new Error(`Typed "${text}" but the field holds "${input.value}".`);
}

/** Presses one key (`Tab`, `Shift+Tab`, `Enter`…) as a person would, wherever the focus is. */
export async function pressKey(key: string): Promise<void> {
  // The runner knows single keys only: a modifier is held down around the key.
  const [modifier, single] = key.includes('+') && key.length > 1 ? key.split('+') : [undefined, key];
  if (modifier) await runnerCommand('send-keys', { down: modifier });
  try {
    await runnerCommand('send-keys', { press: single });
  } finally {
    if (modifier) await runnerCommand('send-keys', { up: modifier });
  }
}

/** Resizes the browser's viewport, as a phone's would be (`390 × 844`). */
export async function setViewport(size: { width: number; height: number }): Promise<void> {
  await runnerCommand('set-viewport', size);
}

/** Types `text` wherever the focus is, key by key (as `typeInto` does, without moving focus first). */
export async function typeKeys(text: string): Promise<void> {
  await runnerCommand('send-keys', { type: text });
}

/** Presses Tab until `match` has focus (at most `max` times): only the keyboard moves focus. */
export async function tabTo(match: (element: HTMLElement) => boolean, what: string, max = 40): Promise<HTMLElement> {
  for (let i = 0; i < max; i += 1) {
    const active = deepActiveElement();
    if (active instanceof HTMLElement && match(active)) return active;
    await pressKey('Tab');
  }
  throw new Error(`Tab never reached ${what} (focus is on ${deepActiveElement()?.outerHTML.slice(0, 120) ?? 'nothing'})`);
}

/** Renders the page as for a visitor whose system asks for `dark` (or `light`) colours (`prefers-color-scheme`). */
export async function setColorScheme(colorScheme: 'dark' | 'light'): Promise<void> {
  await runnerCommand('emulate-media', { colorScheme });
}
