import { contractMessageOf, contractMessages, type ContractMessageKey } from '@slotwise/sdk/contract';
import { ar } from './ar.js';
import * as contract from './contract/index.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ja } from './ja.js';
import { pt } from './pt.js';

/**
 * The refusals' sentences in every language the API answers in. A catalog is typed as English's
 * keys and parameters, so a translation missing a key fails typecheck; at run time a key absent
 * anyway (or a detail thrown as a plain string) falls back to English.
 */
export type Catalog = { [K in keyof typeof en]: (typeof en)[K] };

/**
 * The contract's own sentences (a zod schema's `message`, e.g. a password's length) in one
 * language, typed as the SDK's English (`contractMessages`, the catalog's English itself).
 */
export type ContractCatalog = { [K in ContractMessageKey]: (typeof contractMessages)[K] };

/** A language's refusals and the contract's sentences, the latter under `contract.<key>`. */
type Messages = Catalog & { [K in ContractMessageKey as `contract.${K}`]: ContractCatalog[K] };
export type MessageKey = keyof Messages;

const both = (refusals: Catalog, sentences: ContractCatalog): Messages =>
  ({ ...refusals, ...Object.fromEntries(Object.entries(sentences).map(([key, write]) => [`contract.${key}`, write])) }) as Messages;

/** The languages of the API's problem details, English first (the default). Add one: its refusals (`xx.ts`), the contract's sentences (`contract/xx.ts`) and a line. */
export const CATALOGS = {
  en: both(en, contractMessages),
  de: both(de, contract.de),
  fr: both(fr, contract.fr),
  es: both(es, contract.es),
  pt: both(pt, contract.pt),
  ja: both(ja, contract.ja),
  ar: both(ar, contract.ar),
} as const satisfies Record<string, Messages>;
export type Language = keyof typeof CATALOGS;
export const LANGUAGES = Object.keys(CATALOGS) as Language[];

/** A catalog function's parameters, where any text may be a message of its own (rendered first). */
type Params<K extends MessageKey> = Parameters<Messages[K]> extends [infer P] ? { [F in keyof P]: P[F] extends string ? P[F] | Message : P[F] } : undefined;

/** A sentence not yet in any language: which one, and what goes into it. Plain data, so it may be thrown, stored or logged. */
export interface Message {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** A sentence or a message: what a refusal's detail and field messages accept. */
export type Text = string | Message;

/**
 * The message `key` with `params`, e.g. `t('too_many_holds', { n: 3 })`. Typed against the
 * English catalog: an unknown key or a missing parameter fails typecheck.
 */
export function t<K extends MessageKey>(key: K, ...params: Params<K> extends undefined ? [] : [Params<K>]): Message {
  return params.length === 0 ? { key } : { key, params: params[0] as Record<string, unknown> };
}

/** `text` in `language`: a message from that language's catalog (English when it lacks the key), a plain string as it is. */
export function render(text: Text, language: Language = 'en'): string {
  if (typeof text === 'string') return text;
  const write = (CATALOGS[language] as Record<string, unknown>)[text.key] ?? CATALOGS.en[text.key];
  const params = Object.fromEntries(Object.entries(text.params ?? {}).map(([name, value]) => [name, isMessage(value) ? render(value, language) : value]));
  return (write as (p: Record<string, unknown>) => string)(params);
}

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).key === 'string';
}

/**
 * A zod issue's message as a sentence of any language: the contract's own sentence (written by
 * `say` in the SDK) becomes its message key, anything else (zod's own words, already in the
 * request's language) stays as it is.
 */
export function fromContract(message: string): Text {
  const known = contractMessageOf(message);
  return known ? { key: `contract.${known.key}`, ...(known.params ? { params: known.params } : {}) } : message;
}
