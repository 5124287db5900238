import { consume } from '@lit/context';
import type { MyService } from '@slotwise/sdk/contract';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { describeError } from '../../../internal/errors.js';
import { formatMinutes, formatPrice } from '../../../internal/format.js';
import { tokens } from '../../../styles/tokens.js';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { focusFirstInvalid, saveFailure } from '../../forms.js';
import { consoleStyles } from '../../styles.js';
import { policySentences } from './policy-text.js';
import { serviceEditor, type EditorState } from './service-editor.js';
import { blankService, readPolicy, readServiceForm, serviceFormProblems } from './service-form.js';
import { serviceTemplates } from './templates.js';

/**
 * @summary What the specialist offers: active and archived services (`route` ''), a new one from a
 * template or blank (`new`), and every field of one (`svc_…`). Archiving and offering again
 * confirm in a dialog that says what happens to customers and bookings.
 */
export class SlotwiseConsoleServices extends LitElement {
  static override styles = [tokens, consoleStyles];

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;
  @property() route = '';
  @state() private services: MyService[] | undefined;
  @state() private error = '';
  @state() private editor: EditorState | undefined;
  @query('dialog') private dialog!: HTMLDialogElement;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('session') || changed.has('route')) && this.session) void this.load();
  }

  private async load() {
    try {
      this.services = (await this.session!.client.me.services.list()).data;
      this.error = '';
    } catch (error) {
      this.error = describeError(error).message;
      return;
    }
    const service = this.route === 'new' ? { ...blankService(this.session!.profile!.currency) } : this.services.find((s) => s.id === this.route);
    if (this.editor?.service.id === this.route && this.route) return;
    this.editor = service ? { service, rows: service.durations.length, kind: service.location.kind, policy: policySentences(service), failure: undefined, busy: false } : undefined;
  }

  override render() {
    if (!this.session?.profile) return nothing;
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!this.services) return html`<p class="muted">Reading your services…</p>`;
    if (this.route) return this.editor ? html`${serviceEditor(this.editor, this.handlers)}${this.confirmDialog()}` : html`<p>There is no such service. <a href="#/services">All services</a></p>`;
    return this.list();
  }

  private list() {
    const currency = this.session!.profile!.currency;
    const group = (title: string, services: MyService[]) => html`<section aria-label=${title}><h2>${title}</h2>
      ${services.length ? html`<ul class="plain">${services.map((s) => html`<li class="card">
        <a href="#/services/${s.id}">${s.name}</a>
        <span class="muted">${s.durations.map((d) => `${formatMinutes(d.minutes)}, ${formatPrice(d.price, s.currency)}`).join(' · ')}</span></li>`)}</ul>` : html`<p class="muted">None.</p>`}</section>`;
    return html`
      <div class="row">
        <button type="button" class="primary" @click=${() => this.session!.navigate('services/new')}>New service</button>
        <button type="button" @click=${() => this.createFrom(serviceTemplates.intro.make(currency), 'Intro call')}>Add a ${serviceTemplates.intro.label.toLowerCase()}</button>
      </div>
      ${group('Offered', this.services!.filter((s) => s.active))}
      ${group('Archived', this.services!.filter((s) => !s.active))}
    `;
  }

  private async createFrom(template: Parameters<ConsoleSession['client']['me']['services']['create']>[0], name: string) {
    try {
      const created = await this.session!.client.me.services.create(template);
      this.session!.announce(`${name} created.`);
      this.session!.navigate(`services/${created.id}`);
    } catch (error) {
      this.error = describeError(error).message;
    }
  }

  private readonly handlers = {
    submit: (event: SubmitEvent) => {
      event.preventDefault();
      void this.save(readServiceForm(event.target as HTMLFormElement));
    },
    input: (event: Event) => {
      const form = (event.target as HTMLElement).closest('form')!;
      const data = new FormData(form);
      const policy = { ...readPolicy(data), durations: readServiceForm(form).durations.map((d) => ({ ...d, price: d.price || 0 })) };
      this.editor = { ...this.editor!, kind: String(data.get('location.kind')) as EditorState['kind'], policy: Object.values(policy).some((v) => Number.isNaN(v)) ? this.editor!.policy : policySentences(policy) };
    },
    addRow: () => (this.editor = { ...this.editor!, rows: this.editor!.rows + 1 }),
    removeRow: () => (this.editor = { ...this.editor!, rows: this.editor!.rows - 1 }),
    toggleActive: () => this.dialog.showModal(),
  };

  private async save(values: ReturnType<typeof readServiceForm>) {
    const id = this.editor!.service.id;
    const problems = serviceFormProblems(values);
    if (Object.keys(problems).length > 0) {
      this.editor = { ...this.editor!, failure: { message: 'Nothing was saved: check the fields marked below.', fields: problems } };
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot);
      return;
    }
    this.editor = { ...this.editor!, busy: true, failure: undefined };
    try {
      const saved = id ? await this.session!.client.me.services.update(id, values) : await this.session!.client.me.services.create(values);
      this.editor = { ...this.editor, service: saved, busy: false, rows: saved.durations.length };
      this.session!.announce(id ? `${saved.name} saved.` : `${saved.name} created.`);
      if (!id) this.session!.navigate(`services/${saved.id}`);
    } catch (error) {
      this.editor = { ...this.editor!, busy: false, failure: saveFailure(error) };
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot);
    }
  }

  private confirmDialog() {
    const service = this.editor!.service;
    const archive = service.active;
    const confirm = async () => {
      this.dialog.close();
      try {
        const saved = archive ? await this.session!.client.me.services.archive(service.id!) : await this.session!.client.me.services.update(service.id!, { active: true });
        this.editor = { ...this.editor!, service: saved };
        this.session!.announce(archive ? `${service.name} archived. Customers can no longer book it.` : `${service.name} is offered again.`);
      } catch (error) {
        this.editor = { ...this.editor!, failure: saveFailure(error) };
      }
    };
    return html`<dialog aria-labelledby="confirm-title">
      <h2 id="confirm-title">${archive ? `Archive ${service.name}?` : `Offer ${service.name} again?`}</h2>
      <p>${archive
        ? 'Customers can no longer book it, on your site or your page. Bookings already made stay as they are, and you can offer it again later.'
        : 'Customers can book it again, on your site and your page, from your open times.'}</p>
      <div class="row">
        <button type="button" class=${archive ? 'danger' : 'primary'} @click=${confirm}>${archive ? 'Archive' : 'Offer again'}</button>
        <button type="button" autofocus @click=${() => this.dialog.close()}>Keep it as it is</button>
      </div>
    </dialog>`;
  }
}
