import { html } from 'lit';
import type { FormErrors } from './form-errors.js';
import { describedBy, invalid } from './field-error.js';

/**
 * One checkbox per service (`name="serviceIds"`), ticked when its id is in `chosen`; a change
 * hands back the new list. The field's error (`serviceIds`) is described on each box.
 */
export function serviceChecks(services: readonly { id: string; name: string }[], chosen: readonly string[], errors: FormErrors, change: (ids: string[]) => void) {
  return services.map(
    (service) => html`<label class="check">
      <input type="checkbox" name="serviceIds" value=${service.id} .checked=${chosen.includes(service.id)}
        aria-invalid=${invalid(errors, 'serviceIds')} aria-describedby=${describedBy(errors, 'serviceIds')}
        @change=${(e: Event) => change((e.target as HTMLInputElement).checked ? [...chosen, service.id] : chosen.filter((id) => id !== service.id))} />
      ${service.name}</label>`,
  );
}
