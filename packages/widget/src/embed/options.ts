/**
 * What a popup books: the specialist and, optionally, what to preselect and fill in. The same
 * shape for `Slotwise.open(...)`, `data-slotwise-*` openers and `<slotwise-button>`.
 */
export interface PopupOptions {
  /** The specialist's handle (required). */
  specialist: string;
  /** A service id to preselect (`<slotwise-booking service>`). */
  service?: string | undefined;
  /** Minutes, with `service`. */
  duration?: number | string | undefined;
  /** Prefill of the details form. */
  name?: string | undefined;
  email?: string | undefined;
  notes?: string | undefined;
  /** A promo code applied on the details step (`<slotwise-booking promo-code>`). */
  promoCode?: string | undefined;
  /** The API's base URL; default: where the script came from. */
  api?: string | undefined;
}

const TEXT_KEYS = ['specialist', 'service', 'name', 'email', 'notes', 'promoCode', 'api'] as const;

/**
 * `input` as popup options, or a sentence saying what is wrong with it: a page's script may pass
 * anything, and a wrong call must say so in the console rather than open an empty popup.
 */
export function readOptions(input: unknown): PopupOptions | string {
  if (typeof input !== 'object' || input === null) return 'Slotwise.open needs an object: Slotwise.open({ specialist: "your-handle" }).';
  const record = input as Record<string, unknown>;
  const options: Record<string, string | number> = {};
  for (const key of TEXT_KEYS) {
    const value = record[key];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') return `Slotwise.open: "${key}" must be a string.`;
    options[key] = value;
  }
  const duration = record['duration'];
  if (duration !== undefined && duration !== null && duration !== '') {
    if (!/^[1-9]\d{0,3}$/.test(String(duration))) return 'Slotwise.open: "duration" must be a whole number of minutes.';
    options['duration'] = Number(duration);
  }
  if (!options['specialist']) return 'Slotwise.open needs the specialist’s handle: Slotwise.open({ specialist: "your-handle" }).';
  return options as unknown as PopupOptions;
}

/** The options an element with `data-slotwise-open="<handle>"` asks for. */
export function openerOptions(opener: HTMLElement): PopupOptions | string {
  const { slotwiseOpen, slotwiseService, slotwiseDuration, slotwiseCode, slotwiseApi } = opener.dataset;
  return readOptions({ specialist: slotwiseOpen, service: slotwiseService, duration: slotwiseDuration, promoCode: slotwiseCode, api: slotwiseApi });
}
