import type { RouteSpec } from '@slotwise/sdk/contract';
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../app-env.js';
import { HttpError } from './problem.js';

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
 * unknown key, at any depth, is named itself (`body.customer.extra`), one error per key.
 */
export function parseWith<T extends z.ZodType>(schema: T, data: unknown, where: 'params' | 'query' | 'body'): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const errors = result.error.issues.flatMap((issue) => {
    const at = [where, ...issue.path.map(String)];
    if (issue.code !== 'unrecognized_keys') return [{ field: at.join('.'), message: issue.message }];
    return issue.keys.map((key) => ({ field: [...at, key].join('.'), message: `Remove "${key}": not a field of this request.` }));
  });
  const first = errors[0]!;
  throw new HttpError('invalid_request', `${first.field}: ${first.message}`, { errors });
}

async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  const text = await c.req.text();
  if (text.trim() === '') return {};
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new HttpError('unsupported_media_type', 'Send the body as JSON with `Content-Type: application/json`.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError('invalid_json', 'The body could not be parsed as JSON; check for a missing quote or comma.');
  }
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
      parsed = parseWith(spec.query!, c.req.query(), 'query');
      if (queries.size >= 500) queries.delete(queries.keys().next().value!);
      queries.set(raw, parsed);
    }
    return parsed;
  };
  app.on(spec.method.toUpperCase(), honoPath(spec.path), async (c) => {
    const input = {
      params: spec.params ? parseWith(spec.params, c.req.param(), 'params') : undefined,
      query: spec.query ? parseQuery(c) : undefined,
      body: spec.body ? parseWith(spec.body, await readJson(c), 'body') : undefined,
    } as RouteInput<S>;
    return handler(input, c);
  });
}
