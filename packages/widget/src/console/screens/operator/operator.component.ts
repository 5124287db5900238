import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { tokens } from '../../../styles/tokens.js';
import { screenStyles } from '../../ui/screen.styles.js';
import './parts.js';

/**
 * @summary The operator's screen: the platform fee and the specialists (status, suspend,
 * reactivate), and erasing a customer's personal data on their request. Only an operator's login sees it; anyone else reads why.
 */
export class SlotwiseConsoleOperator extends LitElement {
  static override styles = [tokens, screenStyles];

  @property() route = '';

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;

  override render() {
    if (!this.session) return nothing;
    if (this.session.account.role !== 'operator') {
      return html`<h2 class="visually-hidden">Operator</h2><p role="alert">This screen is for the platform’s operator; your login is a specialist’s.</p>`;
    }
    return html`<h2 class="visually-hidden">Operator</h2>
      <slotwise-console-platform-fee></slotwise-console-platform-fee>
      <slotwise-console-specialists></slotwise-console-specialists>
      <slotwise-console-erase-customer></slotwise-console-erase-customer>`;
  }
}
