import { consume } from '@lit/context';
import type { Profile } from '@slotwise/sdk/contract';
import { css, html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { tokens } from '../../styles/tokens.js';
import { consoleContext, type ConsoleSession } from '../context.js';
import { consoleStyles } from '../styles.js';
import './resend-verification.js';

/**
 * @summary What keeps a specialist's page from taking (paid) bookings, above every console page:
 * a suspended or closed page (with the operator's reason when the profile has one), and an
 * unverified login email (priced services take no bookings until it is verified) with a button
 * to send the link again. Renders nothing for an operator or a specialist in good standing; it
 * follows the shared profile, so it goes once `refreshProfile` reads a verified one.
 */
export class SlotwiseConsoleStanding extends LitElement {
  static override styles = [
    tokens,
    consoleStyles,
    css`
      :host {
        display: grid;
        gap: 0.5rem;
      }
      .banner {
        border-left: 4px solid var(--_danger);
        display: grid;
        gap: 0.5rem;
      }
      .banner p {
        margin: 0;
      }
    `,
  ];

  @consume({ context: consoleContext, subscribe: true }) @state() private session: ConsoleSession | undefined;

  override render() {
    const profile = this.session?.profile;
    if (!profile) return nothing;
    return html`${this.standing(profile)}${profile.emailVerified ? nothing : this.unverified()}`;
  }

  private standing(profile: Profile) {
    if (profile.status === 'active') return nothing;
    const what = profile.status === 'suspended' ? 'The platform suspended your account: your booking page takes no new bookings.' : 'You closed your page: it takes no new bookings.';
    return html`<section class="card banner suspended" aria-label="Your page takes no bookings">
      <p><strong>${what}</strong> Bookings already made stay as they are.</p>
      ${profile.statusReason ? html`<p>Reason: ${profile.statusReason}</p>` : nothing}
    </section>`;
  }

  private unverified() {
    return html`<section class="card banner unverified" aria-label="Verify your email">
      <p><strong>Verify your email to take paid bookings.</strong> Open the link we emailed to ${this.session!.account.email}; free services take bookings already.</p>
      <slotwise-console-resend-verification></slotwise-console-resend-verification>
    </section>`;
  }
}
