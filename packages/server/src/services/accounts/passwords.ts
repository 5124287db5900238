/**
 * Password hashing with PBKDF2-HMAC-SHA256 through WebCrypto, so the same code runs on Node and
 * edge runtimes. Stored as `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`: the count travels
 * with each hash, so raising the default never locks anyone out.
 */
import { ServiceError } from '../errors.js';
import { t } from '../messages/index.js';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Cloudflare Workers refuse more than 100,000. */
export const DEFAULT_KDF_ITERATIONS = 600_000;

/**
 * The most PBKDF2 iterations Cloudflare Workers run (`deriveBits` throws above it), and so the
 * count of new hashes made by the Workers entry. Each hash carries its own count: hashes made
 * there verify on Node too.
 */
export const EDGE_KDF_ITERATIONS = 100_000;

const SCHEME = 'pbkdf2-sha256';
const SALT_BYTES = 16;
const HASH_BITS = 256;
/** A stored count above this is refused rather than run: it would stall the process. */
const MAX_ITERATIONS = 10_000_000;

const encoder = new TextEncoder();
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

/** NFKC first, so the same password typed on two keyboards hashes alike (NIST SP 800-63B). */
async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password.normalize('NFKC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

/** Equal in time whatever the contents, so a comparison tells nothing about how much matched. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** A new hash of `password` with a random 16-byte salt. Slow on purpose: never inside a transaction. */
export async function hashPassword(password: string, iterations: number = DEFAULT_KDF_ITERATIONS): Promise<string> {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations must be an integer from 1 to ${MAX_ITERATIONS}.`);
  }
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return `${SCHEME}$${iterations}$${toBase64(salt)}$${toBase64(await derive(password, salt, iterations))}`;
}

/** The parts of a stored hash, or undefined when it is not one of ours. */
function parse(stored: string): { iterations: number; salt: Uint8Array<ArrayBuffer>; hash: Uint8Array } | undefined {
  const [scheme, count, salt, hash, ...rest] = stored.split('$');
  const iterations = Number(count);
  if (scheme !== SCHEME || rest.length > 0 || !salt || !hash) return undefined;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) return undefined;
  try {
    return { iterations, salt: fromBase64(salt), hash: fromBase64(hash) };
  } catch {
    return undefined;
  }
}

/** The iteration count `stored` carries, or undefined when it is not one of ours. */
export const iterationsOf = (stored: string): number | undefined => parse(stored)?.iterations;

/**
 * Whether `password` matches `stored`; false for anything that is not a valid hash.
 *
 * @param options.maxIterations - the most this runtime runs (Workers: `EDGE_KDF_ITERATIONS`)
 * @throws ServiceError `password_rehash_required` when `stored` needs more: it cannot be checked
 *   here at all, so the answer says where it can (a 500 would tell nobody what to do)
 */
export async function verifyPassword(password: string, stored: string, options: { maxIterations?: number | undefined } = {}): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  if (options.maxIterations !== undefined && parsed.iterations > options.maxIterations) {
    throw new ServiceError('password_rehash_required', t('password_rehash_required'));
  }
  return constantTimeEqual(await derive(password, parsed.salt, parsed.iterations), parsed.hash);
}

/**
 * A hash no password matches, costing what a real one costs: login checks it when the email is
 * unknown, so the answer takes as long as for a wrong password and does not tell which it was.
 */
export function decoyHash(iterations: number): string {
  const zeros = toBase64(new Uint8Array(HASH_BITS / 8));
  return `${SCHEME}$${iterations}$${toBase64(new Uint8Array(SALT_BYTES))}$${zeros}`;
}
