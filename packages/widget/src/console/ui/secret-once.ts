import { html } from 'lit';
import type { ConsoleSession } from '../context.js';
import { copyText } from './copy-text.js';

/**
 * A secret the server shows once (an API key, a webhook signing secret): the value as text, a
 * Copy button, and the sentence that it will not be shown again. `label` names what it is;
 * `kept` says truly how the server keeps it — an API key only as a hash, a signing secret
 * encrypted, since the server signs with it.
 */
export function renderSecretOnce(label: string, secret: string, kept: 'hashed' | 'encrypted', session: ConsoleSession | undefined, dismiss: () => void) {
  const copy = async () => session?.announce((await copyText(secret)) ? `${label} copied.` : 'The browser did not allow copying: select the text and copy it.');
  return html`<div class="secret-once" role="group" aria-label=${label}>
    <p><strong>${label}:</strong> copy it now. It won’t be shown again: ${kept === 'hashed' ? 'only a hash of it is kept.' : 'it is kept encrypted, to sign what is sent to you.'}</p>
    <p class="secret" data-secret>${secret}</p>
    <div class="actions">
      <button type="button" class="primary" @click=${copy}>Copy</button>
      <button type="button" @click=${dismiss}>I have stored it</button>
    </div>
  </div>`;
}
