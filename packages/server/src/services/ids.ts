/** Bytes fetched from the platform's CSPRNG at once (`getRandomValues` allows up to 65,536). */
const POOL_BYTES = 4096;
let pool = new Uint8Array(0);
let used = 0;

/**
 * `n` random bytes from the platform's CSPRNG (`crypto.getRandomValues`), fetched 4 KiB at a time:
 * each call to it is a trip into the system's random source (≈ 2.7 µs an id in a loop, 5–10 µs
 * under load, several per booking), a slice of the pool ≈ 0.3 µs. Every byte is handed out once:
 * a refill is a new array, never the old one written over. Fetched on first use, not at load (a
 * Worker may not ask for random bytes outside a request).
 */
export function randomBytes(n: number): Uint8Array {
  if (n > POOL_BYTES) return crypto.getRandomValues(new Uint8Array(n));
  if (used + n > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_BYTES));
    used = 0;
  }
  const bytes = pool.subarray(used, used + n);
  used += n;
  return bytes;
}

/** Prefixed random ids (`bk_…`): 16 chars of base32 ≈ 80 bits, unguessable and unique enough. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export function newId(prefix: 'bt' | 'pt' | 'dl' | 'wep' | 'ntf' | 'req' | 'sp' | 'svc' | 'bk' | 'wh' | 'key' | 'ovr' | 'rec' | 'cal' | 'ev' | 'idk' | 'acct' | 'rt' | 'rf' | 'pay' | 'msg' | 'pkg' | 'pp' | 'cr' | 'at' | 'ct' | 'rv' | 'promo' | 'red'): string {
  const bytes = randomBytes(16);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return `${prefix}_${out}`;
}

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

/** A manage token: 256 random bits. Only its hash is stored. */
export function newSecretToken(prefix: string): string {
  return `${prefix}_${toBase64Url(randomBytes(32))}`;
}

/** The part of Node's `crypto` used here (typed by shape: the runtime may not have it, and nothing imports it). */
type NodeCrypto = { createHash(algorithm: 'sha256'): { update(data: string): { digest(encoding: 'hex'): string } } };
let nodeCryptoModule: NodeCrypto | null | undefined;
/**
 * Node's `crypto` where the runtime has it (`process.getBuiltinModule`: Node ≥ 20.16, workerd with
 * nodejs_compat), else null. Its hash is synchronous: Web Crypto's `digest` goes through a job
 * queue and costs about ten times the CPU for a short token (≈ 23 µs against 2 µs on Node 20,
 * more under load) — twice per booking.
 */
function nodeCrypto(): NodeCrypto | null {
  if (nodeCryptoModule === undefined) {
    const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
    nodeCryptoModule = (typeof get === 'function' ? (get('node:crypto') as NodeCrypto | undefined) : undefined) ?? null;
  }
  return nodeCryptoModule;
}

/**
 * SHA-256, hex. A fast hash is right for a 256-bit random token (nothing to brute-force); a
 * password would need a slow KDF instead.
 */
export async function hashToken(token: string): Promise<string> {
  const node = nodeCrypto();
  if (node) return node.createHash('sha256').update(token).digest('hex');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * HMAC-SHA256 of `data` under the server's `secret`, separated by `purpose` (the key is
 * `<purpose>:<secret>`), so a value made for one use (an unsubscribe link) never serves another.
 */
export async function keyedHash(secret: string, purpose: string, data: string): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(`${purpose}:${secret}`), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(data)));
}

/**
 * A token derived from `data` under the server's `secret` (`<prefix>_<base64url HMAC>`): the same
 * every time for the same input, unguessable without the secret. For a token that must be handed
 * out again without being stored in the clear (only its hash is kept, like any other).
 */
export async function derivedToken(secret: string, purpose: string, data: string, prefix: string): Promise<string> {
  return `${prefix}_${toBase64Url(await keyedHash(secret, purpose, data))}`;
}
