import { consume } from '@lit/context';
import type { AvailabilityRules, MyService, WeeklyHours } from '@slotwise/sdk/contract';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { describeError } from '../../../internal/errors.js';
import { tokens } from '../../../styles/tokens.js';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { focusFirstInvalid, saveFailure, type SaveFailure } from '../../forms.js';
import { consoleStyles } from '../../styles.js';
import { availabilityStyles } from './availability.styles.js';
import { feedsSection, overridesSection, recurringSection, weeklySection } from './sections.js';
import { previewSection, type PreviewState } from './preview.js';
import { openIntervals } from './weekly.js';

export type Section = 'weekly' | 'overrides' | 'recurring' | 'feeds';

interface Confirm {
  section: Section;
  title: string;
  consequence: string;
  run: () => Promise<unknown>;
  done: string;
}

/**
 * @summary When the specialist can be booked: weekly hours (several intervals a day; breaks are
 * the gaps), date overrides on a month calendar, recurring extras from a small form with a
 * readable summary, outside calendar feeds, and a preview of the open times customers get for
 * any service in any visitor zone (the public slots, read after every save).
 */
export class SlotwiseConsoleAvailability extends LitElement {
  static override styles = [tokens, consoleStyles, availabilityStyles];

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;
  @property() route = '';
  @state() rules: AvailabilityRules | undefined;
  @state() services: MyService[] = [];
  @state() error = '';
  /** The weekly hours being edited (saved as a whole). */
  @state() week: WeeklyHours[] = [];
  @state() month = new Date().toISOString().slice(0, 7);
  @state() overrideFrom = '';
  @state() failures: Partial<Record<Section, SaveFailure>> = {};
  @state() busy: Section | undefined;
  @state() confirming: Confirm | undefined;
  @state() preview: PreviewState = { service: '', zone: '', status: 'idle' };
  @query('dialog') private dialog!: HTMLDialogElement;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && this.session && !this.rules) void this.load();
  }

  async load(): Promise<void> {
    try {
      const [rules, services] = await Promise.all([this.session!.client.me.availability.retrieve(), this.session!.client.me.services.list()]);
      this.rules = rules;
      this.week = openIntervals(rules.weekly, rules.breaks);
      this.services = services.data.filter((s) => s.active);
      this.preview = { ...this.preview, service: this.preview.service || (this.services[0]?.id ?? ''), zone: this.preview.zone || rules.timeZone };
      this.error = '';
      void this.refreshPreview();
    } catch (error) {
      this.error = describeError(error).message;
    }
  }

  /**
   * Saves one section; on success reads everything again (the preview too) and says `done`
   * (or what `done` makes of the answer, when only the answer tells what happened).
   */
  async save<T>(section: Section, action: () => Promise<T>, done: string | ((result: T) => string)): Promise<boolean> {
    this.busy = section;
    this.failures = { ...this.failures, [section]: undefined };
    try {
      const result = await action();
      this.session!.announce(typeof done === 'string' ? done : done(result));
      await this.load();
      return true;
    } catch (error) {
      this.failures = { ...this.failures, [section]: saveFailure(error) };
      await this.updateComplete;
      const root = this.renderRoot.querySelector(`#${section}`);
      if (root) focusFirstInvalid(root);
      return false;
    } finally {
      this.busy = undefined;
    }
  }

  /** Asks before a destructive change, saying its consequence. */
  confirm(confirm: Confirm): void {
    this.confirming = confirm;
    void this.updateComplete.then(() => this.dialog.showModal());
  }

  async refreshPreview(): Promise<void> {
    const { service, zone } = this.preview;
    if (!service) return;
    this.preview = { ...this.preview, status: 'loading' };
    try {
      const slots = await this.session!.client.specialists.slots(this.session!.profile!.handle, { service, timezone: zone });
      this.preview = { ...this.preview, status: 'ready', slots };
    } catch (error) {
      this.preview = { ...this.preview, status: 'error', error: describeError(error).message };
    }
  }

  override render() {
    if (!this.session?.profile) return nothing;
    if (this.error) return html`<p class="error" role="alert">${this.error} <button type="button" @click=${this.load}>Try again</button></p>`;
    if (!this.rules) return html`<p class="muted">Reading your availability…</p>`;
    const c = this.confirming;
    return html`
      <p class="hint">All times are in your zone, ${this.rules.timeZone}.</p>
      ${weeklySection(this)} ${overridesSection(this)} ${recurringSection(this)} ${feedsSection(this)} ${previewSection(this)}
      <dialog aria-labelledby="confirm-title">
        ${c
          ? html`<h2 id="confirm-title">${c.title}</h2><p>${c.consequence}</p>
              <div class="row">
                <button type="button" class="danger" @click=${() => { this.dialog.close(); void this.save(c.section, c.run, c.done); }}>Remove</button>
                <button type="button" autofocus @click=${() => this.dialog.close()}>Keep it</button>
              </div>`
          : nothing}
      </dialog>
    `;
  }
}
