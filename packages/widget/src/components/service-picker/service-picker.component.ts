import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Service } from '@slotwise/sdk/contract';
import { bookingContext, type BookingContext } from '../../context.js';
import { en } from '../../i18n/index.js';
import { emit } from '../../events.js';
import { formatMinutes, formatPrice } from '../../internal/format.js';
import { tokens } from '../../styles/tokens.js';
import { cardList } from '../../styles/card-list.js';
import { styles } from './service-picker.styles.js';

/**
 * @summary The specialist's services, each with its durations and prices, to choose one from.
 *
 * @event slotwise:service-selected - A service and duration were chosen. `detail: { service, duration }`.
 *
 * @csspart services - The list of services.
 * @csspart service - One service.
 * @csspart service-name - A service's name.
 * @csspart service-group - Under a group service's name: how many people one session takes.
 * @csspart duration - A button choosing one duration of a service (`aria-pressed` when chosen).
 * @csspart duration-selected - The chosen duration's button.
 */
export class SlotwiseServicePicker extends LitElement {
  static override styles = [tokens, cardList, styles];

  /** The services to offer, in order. */
  @property({ attribute: false }) services: readonly Service[] = [];

  @consume({ context: bookingContext, subscribe: true })
  @state()
  protected ctx?: BookingContext;

  /** Moves focus to the chosen duration, or the first one. */
  override focus(options?: FocusOptions): void {
    const target =
      this.renderRoot.querySelector<HTMLElement>('[aria-pressed="true"]') ??
      this.renderRoot.querySelector<HTMLElement>('button');
    target?.focus(options);
  }

  override render() {
    const t = this.ctx?.messages ?? en;
    if (this.services.length === 0) return html`<p class="muted">${t.noServices}</p>`;
    const selection = this.ctx?.selection;
    return html`
      <h3 id="heading">${t.chooseSession}</h3>
      <ul part="services" aria-labelledby="heading">
        ${this.services.map((service, index) => html`
          <li part="service">
            <div role="group" aria-labelledby="service-${index}">
              <p part="service-name" class="name" dir="auto" id="service-${index}">${service.name}</p>
              ${service.description ? html`<p class="muted description" dir="auto">${service.description}</p>` : nothing}
              ${service.capacity > 1 ? html`<p part="service-group" class="muted group">${t.groupSession(service.capacity)}</p>` : nothing}
              <div class="durations">
                ${service.durations.map(({ minutes, price }) => {
                  const pressed = selection?.service?.id === service.id && selection.duration === minutes;
                  return html`
                    <button
                      type="button"
                      part=${pressed ? 'duration duration-selected' : 'duration'}
                      aria-pressed=${pressed ? 'true' : 'false'}
                      data-service=${service.id}
                      data-duration=${minutes}
                      @click=${() => this.choose(service, minutes)}
                    >
                      ${formatMinutes(minutes, this.ctx?.locale)} · ${formatPrice(price, service.currency, this.ctx?.locale, t.free)}
                    </button>
                  `;
                })}
              </div>
            </div>
          </li>
        `)}
      </ul>
    `;
  }

  private choose(service: Service, duration: number): void {
    emit(this, 'slotwise:service-selected', { service, duration });
  }
}
