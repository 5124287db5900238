import { Validator } from '@seriousme/openapi-schema-validator';
import { routes } from '@slotwise/sdk/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.close());

describe('GET /openapi.json', () => {
  it('documents every route of the contract with its problems', async () => {
    const { status, body } = await t.json('/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.0.3');
    for (const spec of Object.values(routes)) {
      const op = body.paths[spec.path]?.[spec.method];
      expect(op, `${spec.method} ${spec.path}`).toBeDefined();
      expect(Object.keys(op.responses)).toContain(String(spec.response.status));
    }
    const create = body.paths['/v1/bookings'].post;
    expect(create.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/BookingCreate' });
    expect(create.responses['409'].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
    expect(create.responses['409'].description).toContain('slot_unavailable');
    expect(body.components.schemas.Booking.properties.status.enum).toContain('confirmed');
    expect(body.paths['/v1/webhooks/stripe'].post.responses['400']).toBeDefined();
    expect(body.paths['/v1/bookings/{id}/receipt'].get.responses['200'].content['text/html']).toBeDefined();
    expect(body.paths['/v1/me/bookings'].get.security).toEqual([{ apiKey: [] }, { accessToken: [] }]);
    expect(body.paths['/v1/operator/settings'].patch.security).toEqual([{ accessToken: [] }]);
    const named = (op: { parameters: { name?: string; in?: string; $ref?: string }[] }) => op.parameters.map((p) => p.$ref ?? `${p.in}:${p.name}`);
    expect(named(body.paths['/v1/specialists/{handle}/slots'].get)).toEqual(['path:handle', 'query:service', 'query:duration', 'query:from', 'query:to', 'query:timezone', '#/components/parameters/AcceptLanguage']);
    // The headers an integrator sends and reads: a POST's Idempotency-Key (not on login: its body is a password).
    expect(named(create)).toContain('#/components/parameters/IdempotencyKey');
    expect(create.responses['201'].headers['Idempotent-Replayed']).toBeDefined();
    expect(body.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header' });
    expect(named(body.paths['/v1/auth/login'].post)).not.toContain('#/components/parameters/IdempotencyKey');
  });

  it('is valid OpenAPI 3.0.3, and admits null wherever an answer may carry one', async () => {
    const { body } = await t.json('/openapi.json');
    const checked = await new Validator().validate(body);
    expect(checked.errors ?? []).toEqual([]);
    expect(checked.valid).toBe(true);
    // In 3.0, `nullable` counts only beside a `type`, and an enum must list null itself.
    const unmet: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) walk(value, `${at}/${key}`);
      const schema = node as Record<string, unknown>;
      if (schema['nullable'] !== true) return;
      if (schema['type'] === undefined) unmet.push(`${at}: nullable without a type`);
      if (Array.isArray(schema['enum']) && !schema['enum'].includes(null)) unmet.push(`${at}: nullable enum without null`);
    };
    walk(body, '#');
    expect(unmet).toEqual([]);
    // The fields a booking's answer carries as null: each admits it.
    const booking = body.components.schemas.Booking.properties;
    expect(booking.cancelledBy.enum).toContain(null);
    expect(booking.payment.anyOf).toContainEqual({ type: 'object', nullable: true, enum: [null] });
  });

  it('reports health and answers unknown paths with a problem document', async () => {
    expect((await t.json('/health')).body).toEqual({ status: 'ok' });
    const missing = await t.json('/v1/nothing');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
  });

  it('lets any origin read public endpoints while no embed origins are registered', async () => {
    const res = await t.app.request('/v1/specialists/demo', { headers: { origin: 'https://coach.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://coach.example');
    const failed = await t.app.request('/v1/specialists/ghost', { headers: { origin: 'https://coach.example' } });
    expect(failed.headers.get('access-control-allow-origin')).toBe('https://coach.example');
  });
});
