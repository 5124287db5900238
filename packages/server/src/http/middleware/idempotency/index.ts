import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from '../../../services/idempotency.js';
import { HttpError } from '../../problem.js';
import { hashToken } from '../../../services/ids.js';
import { clientAddress } from '../rate-limit/index.js';
import { t } from '../../../services/messages/index.js';
import { principalName } from '../../../services/accounts/principals.js';
import { bearerToken } from '../../bearer.js';

export interface IdempotencyOptions {
  /** How long a stored answer is replayed, ms. @default 86400000 (24 hours) */
  ttlMs?: number;
}

const KEPT_HEADERS = ['content-type', 'location', 'cache-control'];
const encoder = new TextEncoder();

/** HMAC-SHA256 of `data` under `secret`, hex. */
async function hmac(secret: string, data: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(data));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The request body as the key is checked against: JSON with its keys sorted and no spacing, so a
 * retry serialised by another client or process (other key order, other whitespace) is the same
 * request; anything that is not JSON as sent.
 */
function canonicalBody(text: string): string {
  if (text === '') return text;
  try {
    return JSON.stringify(JSON.parse(text), (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value,
    );
  } catch {
    return text;
  }
}

/** The AES-GCM key for one idempotency key's stored answer: only its holder can derive it. */
async function sealingKey(idempotencyKey: string): Promise<CryptoKey> {
  const raw = await crypto.subtle.digest('SHA-256', encoder.encode(`slotwise-idempotency:${idempotencyKey}`));
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

async function seal(idempotencyKey: string, text: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await sealingKey(idempotencyKey), encoder.encode(text)));
  return btoa(String.fromCharCode(...iv, ...sealed));
}

async function open(idempotencyKey: string, stored: string): Promise<string> {
  const bytes = Uint8Array.from(atob(stored), (ch) => ch.charCodeAt(0));
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12) }, await sealingKey(idempotencyKey), bytes.subarray(12));
  return new TextDecoder().decode(plain);
}

/**
 * `Idempotency-Key` for POSTs, as Stripe does it: the first request with a key runs and its
 * answer is stored; a retry with the same key and the same body (the same JSON, whatever its key
 * order or spacing) gets that answer again
 * (`Idempotent-Replayed: true`) without running twice; the same key with another body is a 422;
 * a retry while the first is still running is a 409. Keys are scoped to the caller: the
 * specialist or account its credential names (so a retry after a token refresh, a key rotation or
 * with the other kind of credential is still the same caller), else the credential itself (a
 * manage token), else — with no credential — its network address. Server errors and rate limits are not stored, so
 * they can be retried.
 *
 * Answers can hold secrets (a booking's manage token), so nothing readable is stored: the key is
 * kept as a hash, the request as an HMAC under the key, and the answer encrypted (AES-GCM) under a
 * key derived from the Idempotency-Key — which only the client has. Sign-up and login are left
 * out altogether: their bodies are passwords.
 *
 * @param options.ttlMs - how long answers are kept (@default 24 hours)
 * @example
 * app.use('/v1/*', idempotency());
 */
export function idempotency(options: IdempotencyOptions = {}): MiddlewareHandler<AppEnv> {
  const ttl = options.ttlMs ?? 86_400_000;
  return async function idempotencyHandler(c, next) {
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || key === undefined || c.req.path.startsWith('/v1/auth/')) return next();
    if (key.length === 0 || key.length > 255) {
      throw new HttpError('invalid_request', t('invalid_request.idempotency_key'), { errors: [{ field: 'header.idempotency-key', message: t('invalid_request.idempotency_key_field') }] });
    }
    const auth = c.req.header('authorization');
    // Whoever the credential names (a specialist for every key and login of theirs), else the
    // credential itself (a manage token), else the caller's address.
    const principal = await principalName(c.var.deps, bearerToken(auth));
    const scope = await hashToken(principal ?? (auth ? `auth:${auth}` : `client:${clientAddress(c)}`));
    const text = await c.req.text();
    const requestHash = await hmac(key, `${c.req.method} ${c.req.path}\n${canonicalBody(text)}`);
    const keyHash = await hashToken(`idempotency:${key}`);
    const stored = await claimIdempotencyKey(c.var.deps, { scope, keyHash, method: c.req.method, path: c.req.path, requestHash }, ttl);
    if (stored) {
      // Keys stored before bodies were compared as JSON hold the HMAC of the text as sent.
      if (stored.requestHash !== requestHash && stored.requestHash !== (await hmac(key, `${c.req.method} ${c.req.path}\n${text}`))) {
        throw new HttpError('idempotency_key_reused', t('idempotency_key_reused'));
      }
      if (stored.status === null) {
        throw new HttpError('idempotency_key_in_use', t('idempotency_key_in_use'), { headers: { 'retry-after': '1' } });
      }
      const body = stored.body ? await open(key, stored.body) : '';
      return c.body(body, stored.status as 200, { ...stored.headers, 'idempotent-replayed': 'true' });
    }

    await next();
    const status = c.res.status;
    if (status >= 500 || status === 429) {
      await releaseIdempotencyKey(c.var.deps, scope, keyHash);
      return;
    }
    const headers = Object.fromEntries(KEPT_HEADERS.flatMap((h) => (c.res.headers.has(h) ? [[h, c.res.headers.get(h)!]] : [])));
    const body = await seal(key, await c.res.clone().text());
    await completeIdempotencyKey(c.var.deps, scope, keyHash, { status, body, headers });
  };
}
