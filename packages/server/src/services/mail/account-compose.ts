import { eq } from 'drizzle-orm';
import { accounts, specialists, type DeliveryRow } from '../../db/schema.js';
import { ACCOUNT_TOKEN_TTL_MS, mintAccountToken } from '../accounts/account-tokens.js';
import type { ServiceDeps } from '../deps.js';
import { brandOf, finish, type Composed } from './envelope.js';
import type { AccountEmailKind, KindInfo, StandingEmailKind } from './kinds.js';
import { links } from './links.js';
import { stringsFor } from './locales/index.js';
import { ACCOUNT_TEMPLATES, STANDING_TEMPLATES } from './templates/index.js';

const standing = (kind: AccountEmailKind): kind is StandingEmailKind => kind === 'account.suspended' || kind === 'account.reactivated';

/**
 * Renders an account's email when it is sent, minting its link's token then (in a short write of
 * its own; older links of the same purpose stop working), so the clear token exists only in this
 * email. In the specialist's language (English for an operator). Skipped when it no longer
 * applies: the account is gone, its email changed since it was asked for (the link must reach
 * the address it was asked for, and no other), or — for verification — it is verified already.
 * A suspension or a reactivation is told as the page stands when it is sent (the reason then),
 * and not at all when the page stands otherwise by then (reactivated before the suspension's
 * email went): an email never says what is no longer so.
 */
export async function composeAccountEmail(deps: ServiceDeps, facts: { kind: AccountEmailKind; info: KindInfo; delivery: DeliveryRow }): Promise<Composed> {
  const { kind, delivery } = facts;
  const db = deps.database.db;
  const accountId = (delivery.data as { accountId?: string }).accountId ?? '';
  const [found] = await db
    .select({ account: accounts, specialist: specialists })
    .from(accounts)
    .leftJoin(specialists, eq(specialists.id, accounts.specialistId))
    .where(eq(accounts.id, accountId));
  if (!found) return { skip: 'the account is gone' };
  const { account, specialist } = found;
  if (account.email !== delivery.recipient) return { skip: 'the account’s email changed since' };
  if (standing(kind)) {
    if (!specialist) return { skip: 'the account has no page' };
    if (specialist.status !== (kind === 'account.suspended' ? 'suspended' : 'active')) return { skip: 'the page stands otherwise now' };
    const { t, locale } = stringsFor(specialist.locale);
    const brand = brandOf(deps.mailFrom);
    const written = STANDING_TEMPLATES[kind]({ t, name: specialist.name, brand, reason: specialist.statusReason, url: links.consoleHome(deps) });
    return finish(deps, { ...facts, t, locale, zone: specialist.timeZone, specialist }, written, { footer: [t.account.footer(brand)], from: deps.mailFrom, to: delivery.recipient });
  }
  const purpose = kind === 'account.password_reset' ? 'password_reset' : 'email_verification';
  if (purpose === 'email_verification' && account.emailVerifiedAt !== null) return { skip: 'the email is verified already' };

  const now = deps.clock();
  const token = await mintAccountToken(deps.database, account.id, purpose, now);
  const { t, locale } = stringsFor(specialist?.locale);
  const written = ACCOUNT_TEMPLATES[kind]({
    t,
    name: specialist?.name ?? null,
    email: account.email,
    brand: brandOf(deps.mailFrom),
    hours: ACCOUNT_TOKEN_TTL_MS[purpose] / 3_600_000,
    url: links.console(deps, purpose === 'password_reset' ? 'reset' : 'verify', token),
  });
  return finish(deps, { ...facts, t, locale, zone: specialist?.timeZone ?? 'UTC', specialist: specialist ?? undefined }, written, {
    footer: [t.account.footer(brandOf(deps.mailFrom))],
    from: deps.mailFrom,
    to: delivery.recipient,
  });
}
