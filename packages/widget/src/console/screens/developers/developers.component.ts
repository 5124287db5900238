import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { tokens } from '../../../styles/tokens.js';
import { screenStyles } from '../../ui/screen.styles.js';
import './parts.js';

/**
 * @summary For developers: secret API keys, the sites that may embed the widget and the snippet
 * to paste, and outgoing webhooks. Each part reads the console session itself.
 */
export class SlotwiseConsoleDevelopers extends LitElement {
  static override styles = [tokens, screenStyles];

  @property() route = '';

  override render() {
    return html`<h2 class="visually-hidden">Developers</h2>
      <slotwise-console-api-keys></slotwise-console-api-keys>
      <slotwise-console-embed></slotwise-console-embed>
      <slotwise-console-webhooks></slotwise-console-webhooks>`;
  }
}
