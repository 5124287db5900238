/**
 * A service's name as it may be written in an embed's `service` attribute, a URL parameter or the
 * profile's `service` query: lower case, accents dropped, runs of anything but letters and digits
 * as one `-` (`"Intro call (30')"` → `intro-call-30`). One definition, used by the server to pick
 * the preselected service and by the widget to match its attribute. Imports nothing, so the
 * widget's bundle ships no schema runtime with it.
 */
export function serviceSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The service `wanted` names, by id or by name slug, among `services`. */
export function findService<S extends { id: string; name: string }>(services: readonly S[], wanted: string | undefined): S | undefined {
  if (!wanted) return undefined;
  const slug = serviceSlug(wanted);
  return services.find((s) => s.id === wanted) ?? services.find((s) => serviceSlug(s.name) === slug);
}
