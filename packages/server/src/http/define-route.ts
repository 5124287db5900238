import type { RouteSpec } from '@slotwise/sdk/contract';
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../app-env.js';
import { fromContract, t, type Language } from '../services/messages/index.js';
import { negotiateLanguage } from './accept-language.js';
import { HttpError } from './problem.js';
import type { FieldText } from '../services/errors.js';
import { zodErrorMap } from './zod-locales.js';

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteInput<S extends RouteSpec> {
  params: Out<S['params']>;
  query: Out<S['query']>;
  body: Out<S['body']>;
}

/** Hono's `:param` form of an OpenAPI `{param}` path. */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * Validates `data` against `schema`, or throws `invalid_request` naming each field at fault; an
 * unknown key, at any depth, is named itself (`body.customer.extra`), one error per key. zod's own
 * messages are written in the request's `language`; the contract's own sentences become message
 * keys, written in that language at the edge with the problem's other sentences. The language is
 * asked for only on failure, and the data parsed again with its messages: a valid request pays
 * nothing for it.
 */
export function parseWith<T extends z.ZodType>(schema: T, data: unknown, where: 'params' | 'query' | 'body', language?: () => Language): z.output<T> {
  let result = schema.safeParse(data);
  if (result.success) return result.data;
  const error = language && zodErrorMap(language());
  if (error) result = schema.safeParse(data, { error });
  if (result.success) return result.data;
  const errors = result.error.issues.flatMap((issue): FieldText[] => {
    const at = [where, ...issue.path.map(String)];
    if (issue.code !== 'unrecognized_keys') return [{ field: at.join('.'), message: fromContract(issue.message) }];
    return issue.keys.map((key) => ({ field: [...at, key].join('.'), message: t('invalid_request.unknown_key', { key }) }));
  });
  throw refused(errors);
}

/** `invalid_request` naming every field at fault; its detail is the first's sentence. */
function refused(errors: FieldText[]): HttpError {
  const first = errors[0]!;
  return new HttpError('invalid_request', t('invalid_request.field', { field: first.field, message: first.message }), { errors });
}

const languageOf = (c: Context) => () => negotiateLanguage(c.req.header('accept-language'));

async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  const encoding = c.req.header('content-encoding')?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') throw new HttpError('unsupported_media_type', t('unsupported_media_type.encoding', { encoding }));
  const text = await c.req.text();
  if (text.trim() === '') return {};
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new HttpError('unsupported_media_type', t('unsupported_media_type'));
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) throw new HttpError('unsupported_media_type', t('unsupported_media_type.charset', { charset }));
  // The text was decoded leniently: a U+FFFD in it may stand for bytes that were not UTF-8.
  if (text.includes('\uFFFD') && !isUtf8(await c.req.arrayBuffer())) throw new HttpError('invalid_json', t('invalid_json.utf8'));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError('invalid_json', t('invalid_json'));
  }
  // A control character or half a surrogate pair arrives only through an escape (or, for DEL and
  // the C1 controls, as itself): most bodies have neither and are not walked.
  if (/\\u|[\u007f-\u009f]/.test(text)) {
    const errors = unstorable(body, 'body');
    if (errors.length) throw refused(errors);
  }
  return body;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
function isUtf8(bytes: ArrayBuffer): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// C0 controls but tab, line feed and carriage return; DEL; the C1 controls.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// A high surrogate with no low one after it, or a low one with no high one before it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Where a value sits in the body, as a chain to its parent: built per value, spelled out only for an error. */
type Where = { readonly parent: Where | undefined; readonly key: string };
const spell = (where: Where): string => {
  const keys: string[] = [];
  for (let at: Where | undefined = where; at; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
};

/**
 * The strings of a parsed body that text cannot keep: a control character (SQLite's C API ends a
 * string at NUL, and a mail header must not hold one) or half of a surrogate pair (stored as
 * U+FFFD). Refused at the edge, each named by its field, rather than stored cut short or changed.
 * Walked with a stack of its own, not by recursion: a 64 KB body may nest 30,000 arrays deep,
 * which is a clear 400 from the contract, never a stack overflow here.
 */
function unstorable(body: unknown, root: string): FieldText[] {
  const out: FieldText[] = [];
  const stack: [unknown, Where][] = [[body, { parent: undefined, key: root }]];
  while (stack.length > 0) {
    const [value, where] = stack.pop()!;
    if (typeof value === 'string') {
      const control = CONTROL.exec(value);
      if (control) out.push({ field: spell(where), message: t('invalid_request.control_character', { code: `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` }) });
      else if (LONE_SURROGATE.test(value)) out.push({ field: spell(where), message: t('invalid_request.broken_text') });
    } else if (value && typeof value === 'object') {
      // Pushed last to first, so the fields come out in the body's order.
      const entries = Array.isArray(value) ? value.map((item, i) => [String(i), item] as const) : Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i -= 1) stack.push([entries[i]![1], { parent: where, key: entries[i]![0] }]);
    }
  }
  return out;
}

/**
 * A key given twice (`?status=held&status=confirmed`) is refused, naming it: no query takes a
 * list, and reading only the first would answer a question that was not asked.
 */
function refuseRepeated(c: Context): void {
  const repeated = Object.entries(c.req.queries()).filter(([, values]) => values.length > 1);
  if (repeated.length === 0) return;
  throw refused(repeated.map(([key]) => ({ field: `query.${key}`, message: t('invalid_request.repeated_key', { key }) })));
}

/**
 * Registers `handler` for `spec` on `app`, validating params, query and body with the contract's
 * schemas first — the same schemas the OpenAPI document is built from, so the two cannot drift.
 */
export function defineRoute<S extends RouteSpec>(
  app: Hono<AppEnv>,
  spec: S,
  handler: (input: RouteInput<S>, c: Context<AppEnv>) => Promise<Response> | Response,
): void {
  // Parsing is deterministic, so a query string seen before (the widget asks the same few again
  // and again) reuses its parsed form. Only successes are kept, in a small LRU.
  const queries = new Map<string, unknown>();
  const parseQuery = (c: Context<AppEnv>) => {
    const raw = c.req.url.slice(c.req.url.indexOf('?') + 1 || c.req.url.length);
    let parsed = queries.get(raw);
    if (parsed === undefined) {
      refuseRepeated(c);
      parsed = parseWith(spec.query!, c.req.query(), 'query', languageOf(c));
      if (queries.size >= 500) queries.delete(queries.keys().next().value!);
      queries.set(raw, parsed);
    }
    return parsed;
  };
  app.on(spec.method.toUpperCase(), honoPath(spec.path), async (c) => {
    const language = languageOf(c);
    const input = {
      params: spec.params ? parseWith(spec.params, c.req.param(), 'params', language) : undefined,
      query: spec.query ? parseQuery(c) : undefined,
      body: spec.body ? parseWith(spec.body, await readJson(c), 'body', language) : undefined,
    } as RouteInput<S>;
    return handler(input, c);
  });
}
