import { html } from 'lit';
import { describedBy, invalid, renderFieldError, renderFormError } from '../../ui/field-error.js';
import { serviceChecks } from '../../ui/service-checks.js';
import type { PackageDraft } from './package-draft.js';
import type { SlotwiseConsolePackages } from './packages.component.js';

/** Create or edit a package; the server's field errors sit under their fields, and what was typed stays. */
export function renderPackageForm(host: SlotwiseConsolePackages) {
  const { draft, errors } = host;
  const set = (patch: Partial<PackageDraft>) => (host.draft = { ...host.draft, ...patch });
  const text = (field: keyof PackageDraft & string, label: string, attrs: { inputmode?: string; hint?: string } = {}) => html`<label for="package-${field}">${label}</label>
    <input id="package-${field}" name=${field} .value=${draft[field] as string} inputmode=${attrs.inputmode ?? 'text'}
      aria-invalid=${invalid(errors, field)} aria-describedby=${describedBy(errors, field)}
      @input=${(e: Event) => set({ [field]: (e.target as HTMLInputElement).value })} />
    ${renderFieldError(errors, field)}`;
  const editing = host.editing === 'new' ? undefined : host.packages?.find((p) => p.id === host.editing);
  const currency = editing?.currency ?? host.currency;
  const active = host.services.filter((s) => s.active);
  return html`<form class="package-form" novalidate @submit=${(e: Event) => host.save(e)} aria-labelledby="package-form-heading">
    <h3 id="package-form-heading">${editing ? `Edit “${editing.name}”` : 'New package'}</h3>
    ${renderFormError(errors)}
    <div>${text('name', 'Name')}</div>
    <div>${text('description', 'Description (optional)')}</div>
    <div>${text('sessionCount', 'Sessions in the package', { inputmode: 'numeric' })}</div>
    <fieldset>
      <legend>Services a credit can book</legend>
      ${active.length === 0 ? html`<p>Create a service first: a credit books one of your services.</p>` : serviceChecks(active, draft.serviceIds, errors, (serviceIds) => set({ serviceIds }))}
      ${renderFieldError(errors, 'serviceIds')}
    </fieldset>
    <div>${text('price', `Price in ${currency} (0 for free)`, { inputmode: 'decimal' })}</div>
    <div>${text('validityDays', 'Credits valid for (days after payment)', { inputmode: 'numeric' })}</div>
    ${editing ? html`<p class="note">Changes apply to later purchases; earlier ones keep their terms.</p>` : ''}
    <div class="actions">
      <button type="submit" class="primary" ?disabled=${host.saving}>${host.saving ? 'Saving…' : editing ? 'Save package' : 'Create package'}</button>
      <button type="button" @click=${() => (host.editing = undefined)}>Cancel</button>
    </div>
  </form>`;
}
