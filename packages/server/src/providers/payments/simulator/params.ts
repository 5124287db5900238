import { paramError } from './api-error.js';

/**
 * Request parameters as Stripe reads them: from a form body (`metadata[key]=v` already nested
 * into objects, every leaf a string) or, in process, from plain values (numbers, booleans).
 * The readers below accept both and answer with Stripe's validation errors.
 */
export type Params = Record<string, unknown>;

const isObject = (value: unknown): value is Params =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Refuses parameters the simulator does not model, as Stripe refuses unknown ones: a request
 * the fake cannot honour fails loudly instead of being half-understood.
 */
export function rejectUnknown(params: Params, allowed: readonly string[], prefix?: string): void {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) {
      const name = prefix === undefined ? key : `${prefix}[${key}]`;
      throw paramError(`Received unknown parameter: ${name}`, name, 'parameter_unknown');
    }
  }
}

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw paramError(`Invalid string: ${String(value)}`, name);
  return value;
}

export function requiredString(params: Params, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined) throw paramError(`Missing required param: ${name}.`, name, 'parameter_missing');
  return value;
}

export function optionalInt(params: Params, name: string, min = 0): number | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  const text = String(value);
  if (!/^-?\d+$/.test(text)) throw paramError(`Invalid integer: ${text}`, name, 'parameter_invalid_integer');
  const number = Number(text);
  if (number < min) {
    throw paramError(`This value must be greater than or equal to ${min}.`, name, 'parameter_invalid_integer');
  }
  return number;
}

export function requiredInt(params: Params, name: string, min = 0): number {
  const value = optionalInt(params, name, min);
  if (value === undefined) throw paramError(`Missing required param: ${name}.`, name, 'parameter_missing');
  return value;
}

export function optionalBool(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw paramError(`Invalid boolean: ${String(value)}`, name);
}

export function optionalObject(params: Params, name: string): Params | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (!isObject(value)) throw paramError(`Invalid object`, name);
  return value;
}

export function optionalEnum<T extends string>(params: Params, name: string, values: readonly T[]): T | undefined {
  const value = optionalString(params, name);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) {
    throw paramError(`Invalid ${name}: must be one of ${values.join(', ')}`, name);
  }
  return value as T;
}

/** `expand[]` is accepted and ignored: the simulator never expands ids into objects. */
export function ignoreExpand(params: Params): void {
  delete params.expand;
}

/**
 * Metadata with Stripe's limits: up to 50 keys, keys up to 40 characters, values up to 500,
 * no square brackets in keys. An empty value removes the key on updates; on creation it is dropped.
 */
export function metadataParam(params: Params): Record<string, string> {
  const value = params.metadata;
  if (value === undefined || value === '') return {};
  if (!isObject(value)) throw paramError('Invalid object', 'metadata');
  const entries = Object.entries(value);
  if (entries.length > 50) throw paramError('Invalid metadata: metadata can have up to 50 keys.', 'metadata');
  const metadata: Record<string, string> = {};
  for (const [key, raw] of entries) {
    if (key.length > 40 || /[[\]]/.test(key)) {
      throw paramError(`Invalid metadata key: keys can have up to 40 characters and no square brackets.`, `metadata[${key}]`);
    }
    const text = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
    if (text === undefined) throw paramError('Invalid string', `metadata[${key}]`);
    if (text.length > 500) throw paramError('Invalid metadata value: values can have up to 500 characters.', `metadata[${key}]`);
    if (text !== '') metadata[key] = text;
  }
  return metadata;
}
