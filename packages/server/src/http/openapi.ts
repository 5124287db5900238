import { problemCodes, routes, type RouteSpec } from '@slotwise/sdk/contract';
import { z } from 'zod';
import { calendarFilePaths } from './calendar-openapi.js';
import { exportFilePaths } from './export-openapi.js';

type JsonSchema = Record<string, unknown>;
const target = 'openapi-3.0' as const;
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** A schema by reference when it is a named component, else inline. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return ref(id);
  return z.toJSONSchema(schema, { target, io, unrepresentable: 'any' }) as JsonSchema;
}

function parameters(spec: RouteSpec): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [['path', spec.params], ['query', spec.query]] as const) {
    if (!schema) continue;
    const json = z.toJSONSchema(schema, { target, io: 'input' }) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property;
      out.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), description, schema: rest });
    }
  }
  return out;
}

/** `Idempotency-Key` is read on every POST but sign-up, login and the other `/v1/auth/` calls (their bodies are passwords). */
const takesIdempotencyKey = (spec: RouteSpec) => spec.method === 'post' && !spec.path.startsWith('/v1/auth/');

function operation(spec: RouteSpec): JsonSchema {
  const idempotent = takesIdempotencyKey(spec);
  const responses: Record<string, JsonSchema> = {
    [spec.response.status]: {
      description: spec.response.description,
      ...(idempotent ? { headers: { 'Idempotent-Replayed': { $ref: '#/components/headers/IdempotentReplayed' } } } : {}),
      content: { 'application/json': { schema: schemaOf(spec.response.schema, 'output') } },
    },
  };
  const byStatus = new Map<number, string[]>();
  for (const code of spec.errors) {
    const { status } = problemCodes[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of byStatus) {
    responses[status] = {
      description: `Problem: ${codes.map((c) => `\`${c}\``).join(', ')}.`,
      ...(status === 429 || codes.includes('idempotency_key_in_use') ? { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } } : {}),
      content: { 'application/problem+json': { schema: ref('Problem') } },
    };
  }
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    tags: [spec.tag],
    parameters: [...parameters(spec), ...(idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []), { $ref: '#/components/parameters/AcceptLanguage' }],
    ...(spec.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(spec.body, 'input') } } } }
      : {}),
    ...(spec.auth === 'manageToken' ? { security: [{ manageToken: [] }] } : {}),
    ...(spec.auth === 'apiKey' ? { security: [{ apiKey: [] }, { accessToken: [] }] } : {}),
    ...(spec.auth === 'operator' ? { security: [{ accessToken: [] }], description: 'Operators only.' } : {}),
    ...(spec.auth === 'creditsToken' ? { security: [{ creditsToken: [] }] } : {}),
    ...(spec.auth === 'customerSession' ? { security: [{ customerSession: [] }] } : {}),
    responses,
  };
}

/** What only `null` matches, in OpenAPI 3.0's terms (`nullable` counts only beside a `type`). */
const NULL_ONLY = { type: 'object', nullable: true, enum: [null] };
const META = ['description', 'title', 'default', 'example', 'deprecated', 'readOnly', 'writeOnly'];

/**
 * zod's `openapi-3.0` output made valid OpenAPI 3.0.3, in place: no `$id` (3.0's Schema Object has
 * none), `null` in the `enum` of a nullable enum (else a `null` answer fails it), and a nullable
 * reference or composition — `nullable` with no `type`, which 3.0 ignores — as `anyOf` the schema
 * or `null`. Without this, validators and generated clients refused ordinary bookings
 * (`cancelledBy: null`, `payment: null`).
 */
function asOpenApi30(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asOpenApi30);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) if (key !== '$id') out[key] = asOpenApi30(value);
  if (out['nullable'] !== true) return out;
  if (Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...out['enum'], null];
  if (out['type'] !== undefined) return out;
  const meta: JsonSchema = {};
  const inner: JsonSchema = {};
  for (const [key, value] of Object.entries(out)) if (key !== 'nullable') (META.includes(key) ? meta : inner)[key] = value;
  const allOf = inner['allOf'];
  const only = Array.isArray(allOf) && allOf.length === 1 && Object.keys(inner).length === 1 ? (allOf[0] as JsonSchema) : inner;
  return { ...meta, anyOf: [only, NULL_ONLY] };
}

/** The OpenAPI 3.0 document, built from the contract's routes and schemas. */
export function openApiDocument(serverUrl?: string): JsonSchema {
  return asOpenApi30(contractDocument(serverUrl)) as JsonSchema;
}

function contractDocument(serverUrl?: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const spec of Object.values(routes) as RouteSpec[]) {
    (paths[spec.path] ??= {})[spec.method] = operation(spec);
  }
  // Endpoints that are not JSON in and out, described by hand.
  const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
  paths['/v1/webhooks/stripe'] = {
    post: {
      operationId: 'receiveStripeWebhook',
      summary: 'Stripe’s webhook endpoint: the raw body is verified against `Stripe-Signature` (300 s tolerance) before anything is read.',
      tags: ['Payments'],
      parameters: [{ name: 'Stripe-Signature', in: 'header', required: true, schema: { type: 'string' } }],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
      responses: {
        200: { description: 'Received (`duplicate: true` when the event was already handled).', content: { 'application/json': { schema: { type: 'object', properties: { received: { type: 'boolean' }, duplicate: { type: 'boolean' } } } } } },
        400: problem('Problem: `invalid_signature`.'),
        413: problem('Problem: `payload_too_large`.'),
      },
    },
  };
  paths['/v1/webhooks/zoom'] = {
    post: {
      operationId: 'receiveZoomWebhook',
      summary: 'Zoom’s webhook endpoint (with `ZOOM_WEBHOOK_SECRET`): `x-zm-signature` is checked on the raw body (300 s tolerance); answers Zoom’s URL validation and records `recording.completed` on the booking whose meeting it was.',
      tags: ['Bookings'],
      parameters: [
        { name: 'x-zm-signature', in: 'header', required: true, schema: { type: 'string' } },
        { name: 'x-zm-request-timestamp', in: 'header', required: true, schema: { type: 'string' } },
      ],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
      responses: {
        200: { description: 'Received; for `endpoint.url_validation`, `{ plainToken, encryptedToken }`.', content: { 'application/json': { schema: { type: 'object' } } } },
        400: problem('Problem: `invalid_signature` or `invalid_json`.'),
        404: problem('Problem: `not_found` — Zoom webhooks are off on this server.'),
        413: problem('Problem: `payload_too_large`.'),
      },
    },
  };
  paths['/v1/bookings/{id}/receipt'] = {
    get: {
      operationId: 'retrieveReceipt',
      summary: 'The customer’s receipt as a printable HTML page (manage token as bearer, or `?token=` from an email link).',
      tags: ['Payments'],
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'token', in: 'query', required: false, schema: { type: 'string' } },
      ],
      security: [{ manageToken: [] }, {}],
      responses: {
        200: { description: 'The receipt.', content: { 'text/html': { schema: { type: 'string' } } } },
        401: problem('Problem: `manage_token_required`.'),
        404: problem('Problem: `booking_not_found`, `payment_not_found`.'),
      },
    },
  };
  paths['/v1/credits/summary'] = {
    get: {
      operationId: 'retrieveCreditsPage',
      summary: 'A package’s credits as an HTML page: what is left until when, and the code that books with them (credits token as bearer, or `?token=` from an email link).',
      tags: ['Packages'],
      parameters: [{ name: 'token', in: 'query', required: false, schema: { type: 'string' } }],
      security: [{ creditsToken: [] }, {}],
      responses: {
        200: { description: 'The credits.', content: { 'text/html': { schema: { type: 'string' } } } },
        401: problem('Problem: `credits_token_required`.'),
        404: problem('Problem: `credits_not_found`.'),
      },
    },
  };
  Object.assign(paths, calendarFilePaths());
  Object.assign(paths, exportFilePaths());
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target,
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
  }) as { schemas: Record<string, JsonSchema> };
  return {
    openapi: '3.0.3',
    info: {
      title: 'Slotwise API',
      version: '0.1.0',
      description: 'Book paid 1:1 sessions with independent specialists. Errors are RFC 9457 problem documents.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: {
      schemas,
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'Makes a retry safe: the same key with the same body within 24 hours gets the first answer again (`Idempotent-Replayed: true`) instead of running twice; with another body it is `422 idempotency_key_reused`, while the first still runs `409 idempotency_key_in_use`. Keys are the caller’s own: the specialist’s (every key and login of theirs), a manage token’s, or with no credential the caller’s address.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
        AcceptLanguage: {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          description: 'The language of a problem’s `detail` and field messages (and of customer-facing wording): en, de, fr, es, pt, ja or ar; English for any other.',
          schema: { type: 'string' },
        },
      },
      headers: {
        IdempotentReplayed: { description: '`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`.', schema: { type: 'string', enum: ['true'] } },
        RetryAfter: { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
      },
      securitySchemes: {
        manageToken: { type: 'http', scheme: 'bearer', description: 'The manage token returned when the booking was created.' },
        apiKey: { type: 'http', scheme: 'bearer', description: 'A specialist’s secret API key (`sk_…`), for servers only.' },
        accessToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token from `POST /v1/auth/login` (15 minutes).' },
        creditsToken: { type: 'http', scheme: 'bearer', description: 'The credits token returned when a package was bought.' },
        customerSession: { type: 'http', scheme: 'bearer', description: 'A "My bookings" session token, from `POST /v1/specialists/{handle}/my-bookings/session` (1 hour).' },
      },
    },
  };
}
