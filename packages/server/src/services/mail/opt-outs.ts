import { and, eq, inArray } from 'drizzle-orm';
import type { Drizzle, Tx } from '../../db/client.js';
import { emailOptOuts, specialists } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { keyedHash, newId } from '../ids.js';
import { writeOne } from '../../db/batch.js';

/**
 * The kinds of non-transactional email a person can stop, per specialist: `reminder` (reminders
 * and "starting soon"), `feedback` (the follow-up asking how it went), `agenda` (a specialist's
 * daily agenda), `credits` (a package's credits expiring or running low); `*` stops them all.
 * Confirmations, changes, cancellations, receipts, refunds and a package's purchase are part of
 * what was bought and always go.
 */
export type OptOutKind = 'reminder' | 'feedback' | 'agenda' | 'credits';
/** Every kind a signed token may name. */
const SCOPES: readonly string[] = ['reminder', 'feedback', 'agenda', 'credits', '*'] satisfies OptOutScope[];
export type OptOutScope = OptOutKind | '*';

/** Whether `email` stopped `kind` (or everything optional) from this specialist. */
export async function optedOut(db: Drizzle | Tx, email: string, specialistId: string, kind: OptOutKind): Promise<boolean> {
  const [row] = await db
    .select({ id: emailOptOuts.id })
    .from(emailOptOuts)
    .where(and(eq(emailOptOuts.email, email.toLowerCase()), eq(emailOptOuts.specialistId, specialistId), inArray(emailOptOuts.kind, [kind, '*'])))
    .limit(1);
  return row !== undefined;
}

interface Claim {
  /** The address, lower-cased. */
  e: string;
  /** The specialist. */
  s: string;
  k: OptOutScope;
}

const encoder = new TextEncoder();
const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
const fromB64url = (text: string) => Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));

const hmac = (secret: string, data: string) => keyedHash(secret, 'unsubscribe', data);

/**
 * A token for an unsubscribe link: who (address), whose messages (specialist) and which kind,
 * signed with the server's secrets key (HMAC-SHA256), so nobody can stop mail for someone else.
 * It never expires: an old email's link still works, as RFC 8058 expects.
 */
export async function unsubscribeToken(secret: string, claim: { email: string; specialistId: string; kind: OptOutScope }): Promise<string> {
  const body = b64url(encoder.encode(JSON.stringify({ e: claim.email.toLowerCase(), s: claim.specialistId, k: claim.kind } satisfies Claim)));
  return `${body}.${b64url(await hmac(secret, body))}`;
}

/** The claim of a genuine token, or undefined (tampered, truncated, another server's key). */
export async function readUnsubscribeToken(secret: string, token: string): Promise<{ email: string; specialistId: string; kind: OptOutScope } | undefined> {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined || token.length > 2000) return undefined;
  try {
    const expected = await hmac(secret, body);
    const given = fromB64url(signature);
    if (given.length !== expected.length) return undefined;
    let diff = 0;
    for (let i = 0; i < given.length; i++) diff |= given[i]! ^ expected[i]!;
    if (diff !== 0) return undefined;
    const claim = JSON.parse(new TextDecoder().decode(fromB64url(body))) as Claim;
    if (typeof claim.e !== 'string' || typeof claim.s !== 'string' || !SCOPES.includes(claim.k)) return undefined;
    return { email: claim.e, specialistId: claim.s, kind: claim.k };
  } catch {
    return undefined;
  }
}

export interface UnsubscribeView {
  kind: OptOutScope;
  /** Whose messages: the specialist's name. */
  from: string;
  /** Already stopped (a second click, a mail client's one-click POST before the person's). */
  done: boolean;
}

/** What an unsubscribe link would stop, for the page that asks before doing it. */
export async function unsubscribeView(deps: ServiceDeps, token: string): Promise<UnsubscribeView | undefined> {
  const claim = await readUnsubscribeToken(deps.secretsKey, token);
  if (!claim) return undefined;
  const [specialist] = await deps.database.db.select({ name: specialists.name }).from(specialists).where(eq(specialists.id, claim.specialistId));
  if (!specialist) return undefined;
  const done = claim.kind === '*' ? false : await optedOut(deps.database.db, claim.email, claim.specialistId, claim.kind);
  return { kind: claim.kind, from: specialist.name, done };
}

/**
 * Records the opt-out the token names — or, with `everything`, of every optional email from that
 * specialist. Idempotent: unsubscribing twice stores one row.
 */
export async function unsubscribe(deps: ServiceDeps, token: string, options: { everything?: boolean } = {}): Promise<UnsubscribeView | undefined> {
  const claim = await readUnsubscribeToken(deps.secretsKey, token);
  if (!claim) return undefined;
  const [specialist] = await deps.database.db.select({ name: specialists.name }).from(specialists).where(eq(specialists.id, claim.specialistId));
  if (!specialist) return undefined;
  const kind: OptOutScope = options.everything ? '*' : claim.kind;
  const now = deps.clock();
  await writeOne(deps.database,
    deps.database.db.insert(emailOptOuts).values({ id: `oo_${newId('bt').slice(3)}`, email: claim.email, specialistId: claim.specialistId, kind, createdAt: now }).onConflictDoNothing(),
  );
  return { kind, from: specialist.name, done: true };
}
