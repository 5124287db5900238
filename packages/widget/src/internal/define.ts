/**
 * Defines `name` unless something already did: the script may be loaded twice, or next to the
 * ESM build. Does nothing where there is no custom element registry (server rendering).
 */
export function define(name: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(name)) return;
  customElements.define(name, constructor);
}
