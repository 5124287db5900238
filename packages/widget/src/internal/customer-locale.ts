/**
 * The visitor's language for the booking (`customer.locale`), which their emails follow: the
 * widget's locale (from `lang`), else the browser's. Only a plain language tag (`de`, `pt-BR`,
 * `zh-Hant-TW`) is sent — extensions are dropped — and nothing at all when there is none, so an
 * odd `lang` can never make a booking fail.
 */
export function customerLocale(locale: string | undefined): { locale?: string } {
  try {
    const tag = new Intl.Locale(locale ?? globalThis.navigator?.language ?? '').baseName;
    return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) && tag.length <= 35 ? { locale: tag } : {};
  } catch {
    return {};
  }
}
