/**
 * Webhook signing secrets: made here, shown to the specialist once, stored sealed. Signing needs
 * the secret back, so it cannot be hashed like an API key; it is sealed with AES-256-GCM under a
 * key derived (HKDF-SHA-256) from the server's `secretsKey`, with the endpoint's id as additional
 * data, so a sealed secret copied onto another endpoint's row does not open. Web Crypto only: the
 * same code runs on Node and on the edge.
 */

const encoder = new TextEncoder();
const SEALED = /^v1\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const toBase64Url = (bytes: Uint8Array) => toBase64(bytes).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
const fromBase64Url = (text: string) => Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));

/**
 * A new signing secret: `whsec_` and the base64 of 32 random bytes (Standard Webhooks asks for
 * 24 to 64), the form `standardwebhooks` and the SDK's `verifyWebhook` read.
 */
export function newWebhookSecret(): string {
  return `whsec_${toBase64(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/** The HMAC key of a `whsec_…` secret: the bytes its base64 part stands for. */
export function secretKeyBytes(secret: string): Uint8Array {
  return Uint8Array.from(atob(secret.replace(/^whsec_/, '')), (c) => c.charCodeAt(0));
}

async function sealingKey(secretsKey: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(secretsKey), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('slotwise'), info: encoder.encode('webhook-endpoint-secret v1') },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** `v1.<iv>.<ciphertext>` (base64url): `secret` sealed for endpoint `endpointId`. */
export async function sealSecret(secretsKey: string, endpointId: string, secret: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(endpointId) }, await sealingKey(secretsKey), encoder.encode(secret));
  return `v1.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(sealed))}`;
}

/**
 * The secret `sealSecret` sealed. @throws Error when it was sealed under another `secretsKey` or
 * for another endpoint (the server's key changed: the endpoint needs a new secret).
 */
export async function unsealSecret(secretsKey: string, endpointId: string, sealed: string): Promise<string> {
  const parts = SEALED.exec(sealed);
  if (!parts) throw new Error('The stored webhook secret is not in a form this server knows.');
  try {
    const opened = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64Url(parts[1]!), additionalData: encoder.encode(endpointId) }, await sealingKey(secretsKey), fromBase64Url(parts[2]!));
    return new TextDecoder().decode(opened);
  } catch (error) {
    throw new Error('The webhook secret cannot be opened with this server’s secrets key (was SLOTWISE_JWT_SECRET changed?). Rotate the endpoint’s secret.', { cause: error });
  }
}

/**
 * The `webhook-signature` header (Standard Webhooks): one `v1,<base64 HMAC-SHA256>` of
 * `"<id>.<timestamp>.<body>"` per secret, space-separated — the current secret first, then the
 * previous one while a rotation's overlap lasts.
 */
export async function signatureHeader(secrets: readonly string[], id: string, timestamp: number, body: string): Promise<string> {
  const content = encoder.encode(`${id}.${timestamp}.${body}`);
  const signatures = await Promise.all(
    secrets.map(async (secret) => {
      const key = await crypto.subtle.importKey('raw', secretKeyBytes(secret) as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      return `v1,${toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, content)))}`;
    }),
  );
  return signatures.join(' ');
}
