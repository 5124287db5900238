/*
 * One environment value, checked: a sentence naming the variable at fault when it is wrong. No
 * imports, so an entry can read its socket's settings before loading anything else (`main.ts`).
 */

export type Env = Record<string, string | undefined>;

/** A whole number from `min` to `max`, or undefined when unset. */
export function integer(env: Env, name: string, min: number, max: number): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}; got "${text}".`);
  return value;
}

/** true/false (also 1/0, yes/no), or undefined when unset. */
export function flag(env: Env, name: string): boolean | undefined {
  const text = env[name]?.toLowerCase();
  if (text === undefined || text === '') return undefined;
  if (['1', 'true', 'yes'].includes(text)) return true;
  if (['0', 'false', 'no'].includes(text)) return false;
  throw new Error(`${name} must be true or false; got "${env[name]}".`);
}

/** Production secrets a guess must not reach: at least 32 characters (`openssl rand -base64 48` makes 64). */
export const MIN_SECRET_LENGTH = 32;

/** Throws a sentence when `name` is set, in production, shorter than `MIN_SECRET_LENGTH`. */
export function longEnoughSecret(env: Env, name: 'SLOTWISE_JWT_SECRET' | 'SLOTWISE_SECRETS_KEY'): void {
  const value = env[name];
  if (value !== undefined && value.length < MIN_SECRET_LENGTH) {
    throw new Error(`${name} must be at least ${MIN_SECRET_LENGTH} characters in production (it signs every login or seals webhook secrets; a short one can be guessed offline); make one with \`openssl rand -base64 48\`. It has ${value.length}.`);
  }
}
