import { LitElement, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { WebhookDelivery, WebhookEndpoint } from '@slotwise/sdk/contract';
import { consoleContext, type ConsoleSession } from '../../context.js';
import { describeError } from '../../../internal/errors.js';
import { tokens } from '../../../styles/tokens.js';
import { attempt } from '../../ui/attempt.js';
import { ConfirmController } from '../../ui/confirm-dialog.js';
import { focusFirstInvalid, formErrors, noErrors, type FormErrors } from '../../ui/form-errors.js';
import { screenStyles } from '../../ui/screen.styles.js';
import { renderEndpoints, renderWebhookForm } from './webhooks.template.js';

/**
 * @summary Outgoing webhooks: endpoints with their event types, create (the signing secret shown
 * once), enable/disable, rotate the secret, delete, and each endpoint's delivery log with status
 * codes and Redeliver.
 */
export class SlotwiseConsoleWebhooks extends LitElement {
  static override styles = [tokens, screenStyles];

  @consume({ context: consoleContext, subscribe: true })
  @state()
  session?: ConsoleSession;

  @state() endpoints: WebhookEndpoint[] | undefined;
  @state() url = '';
  @state() description = '';
  @state() types: string[] = [];
  @state() errors: FormErrors = noErrors;
  @state() error = '';
  @state() secret: { url: string; secret: string } | undefined;
  /** Delivery logs opened, by endpoint id. */
  @state() deliveries: Record<string, WebhookDelivery[]> = {};
  readonly confirm = new ConfirmController(this);

  private get me(): ConsoleSession['client']['me']['webhooks'] {
    return this.session!.client.me.webhooks;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    try {
      this.endpoints = (await this.me.list()).data;
    } catch (error) {
      this.error = describeError(error).message;
    }
  }

  async create(event: Event): Promise<void> {
    event.preventDefault();
    try {
      const created = await this.me.create({ url: this.url, eventTypes: this.types as WebhookEndpoint['eventTypes'], ...(this.description.trim() ? { description: this.description } : {}) });
      Object.assign(this, { secret: { url: created.url, secret: created.secret }, url: '', description: '', types: [], errors: noErrors });
      this.session?.announce(`Endpoint ${created.url} added.`);
      await this.load();
    } catch (error) {
      this.errors = formErrors(error);
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot.querySelector('form.webhook') ?? this.renderRoot);
    }
  }

  toggle(endpoint: WebhookEndpoint): Promise<void> {
    return this.run(() => this.me.update(endpoint.id, { enabled: !endpoint.enabled }),
      endpoint.enabled ? `${endpoint.url} disabled: nothing is sent to it until you enable it.` : `${endpoint.url} enabled.`);
  }

  async rotate(endpoint: WebhookEndpoint): Promise<void> {
    const ok = await this.confirm.ask({ heading: 'Rotate the signing secret?', action: 'Rotate secret', back: 'Keep it',
      consequence: `A new secret signs deliveries to ${endpoint.url}. The old one keeps signing alongside it for 24 hours: update your receiver before then.` });
    if (ok) await this.run(async () => {
      const rotated = await this.me.rotateSecret(endpoint.id);
      this.secret = { url: rotated.url, secret: rotated.secret };
    }, 'Signing secret rotated.');
  }

  async deleteEndpoint(endpoint: WebhookEndpoint): Promise<void> {
    const ok = await this.confirm.ask({ heading: `Delete ${endpoint.url}?`, action: 'Delete endpoint', back: 'Keep it',
      consequence: 'No more events go to it, and deliveries still waiting are not sent. This cannot be undone.' });
    if (ok) await this.run(() => this.me.delete(endpoint.id), `Endpoint ${endpoint.url} deleted.`);
  }

  async showDeliveries(endpoint: WebhookEndpoint): Promise<void> {
    try {
      const page = await this.me.deliveries.list(endpoint.id, { limit: 20 });
      this.deliveries = { ...this.deliveries, [endpoint.id]: page.data };
    } catch (error) {
      this.error = describeError(error).message;
    }
  }

  async redeliver(endpoint: WebhookEndpoint, delivery: WebhookDelivery): Promise<void> {
    await this.run(() => this.me.deliveries.redeliver(endpoint.id, delivery.id), `Delivery of ${delivery.eventType} queued again.`);
    await this.showDeliveries(endpoint);
  }

  /** One change, then the list as the server has it now. */
  private async run(action: () => Promise<unknown>, said: string): Promise<void> {
    this.error = await attempt(this.session, action, said);
    if (!this.error) await this.load();
  }

  override render() {
    if (!this.session) return nothing;
    return html`<section aria-labelledby="webhooks-heading">
      <h3 id="webhooks-heading">Outgoing webhooks</h3>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${renderEndpoints(this)}
      ${renderWebhookForm(this)}
      ${this.confirm.render()}
    </section>`;
  }
}
