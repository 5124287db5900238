import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { describeError } from '../../../internal/errors.js';
import { tokens } from '../../../styles/tokens.js';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { focusFirstInvalid, saveFailure, type SaveFailure } from '../../forms.js';
import { consoleStyles } from '../../styles.js';
import { onboardingStyles } from './onboarding.styles.js';
import { readProgress, type Progress } from './progress.js';
import { embedStep, hoursStep, paymentsStep, previewStep, profileStep, serviceStep, type Step } from './steps.js';

/**
 * @summary The checklist from an empty account to a bookable page: profile, a first service,
 * weekly hours, payments, the embed snippet with the site's origin, and a live preview of the
 * customer widget. Each step's done/to-do comes from the server's state, read again after every
 * save; the preview reloads after every save too.
 */
export class SlotwiseConsoleOnboarding extends LitElement {
  static override styles = [tokens, consoleStyles, onboardingStyles];

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;
  /** The rest of the route (unused: onboarding is one page). */
  @property() route = '';
  @state() progress: Progress | undefined;
  @state() loadError = '';
  @state() failures: Partial<Record<Step, SaveFailure>> = {};
  @state() busy: Step | undefined;
  /** Bumped after each save: the preview widget is made anew and reads the new state. */
  @state() previewVersion = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void import('../../../components/booking/booking.js');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && this.session && !this.progress) void this.reload();
  }

  async reload(): Promise<void> {
    try {
      this.progress = await readProgress(this.session!);
      this.loadError = '';
    } catch (error) {
      this.loadError = describeError(error).message;
    }
  }

  /**
   * Runs one step's save: on success reads the server's state again, refreshes the preview and
   * announces `done`; on failure keeps what was typed and shows the server's field errors.
   */
  async save(step: Step, action: () => Promise<unknown>, done: string): Promise<boolean> {
    this.busy = step;
    this.failures = { ...this.failures, [step]: undefined };
    try {
      await action();
      await this.reload();
      this.previewVersion += 1;
      this.session!.announce(done);
      return true;
    } catch (error) {
      this.failures = { ...this.failures, [step]: saveFailure(error) };
      await this.updateComplete;
      const section = this.renderRoot.querySelector(`#step-${step}`);
      if (section) focusFirstInvalid(section);
      return false;
    } finally {
      this.busy = undefined;
    }
  }

  override render() {
    if (!this.session?.profile) return nothing;
    if (this.loadError) return html`<p class="error" role="alert">${this.loadError} <button type="button" @click=${this.reload}>Try again</button></p>`;
    if (!this.progress) return html`<p class="muted">Reading your account…</p>`;
    const { done } = this.progress;
    const count = Object.values(done).filter(Boolean).length;
    // A suspended or closed page takes no bookings, whatever the steps say (the banner above says why).
    const open = this.session.profile.status === 'active';
    const next = done.service && done.hours
      ? open ? 'Customers can book you now.' : 'Your page takes no new bookings while it is not active.'
      : `${!done.service && !done.hours ? 'Add a service and your hours' : done.service ? 'Add your hours' : 'Add a service'}${open ? ', and customers can book you.' : '.'}`;
    return html`
      <p class="lead">${count} of 5 steps done. ${next}</p>
      <ol class="steps">
        ${profileStep(this)} ${serviceStep(this)} ${hoursStep(this)} ${paymentsStep(this)} ${embedStep(this)}
      </ol>
      ${previewStep(this)}
    `;
  }
}
