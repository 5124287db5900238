import { StripeApiError } from './api-error.js';
import { newId, randomToken } from './ids.js';
import type { AccountLinkObject, AccountObject } from './objects.js';
import { ignoreExpand, metadataParam, optionalEnum, optionalObject, optionalString, rejectUnknown, requiredString, type Params } from './params.js';
import type { SimContext } from './state.js';

/** Account links expire after a few minutes (Stripe: about 300 s). */
export const ACCOUNT_LINK_TTL_SECONDS = 300;
const REQUIREMENTS = ['business_profile.url', 'external_account', 'individual.dob.day', 'tos_acceptance.date'];

/** Stripe answers an account the key cannot see (or that does not exist) with a 403. */
export function findAccount(ctx: SimContext, id: string, param?: string): AccountObject {
  const account = ctx.state.accounts.get(id);
  if (!account) {
    throw new StripeApiError(403, `The provided key 'sk_test_***' does not have access to account '${id}' (or that account does not exist). Application access may have been revoked.`, {
      code: 'account_invalid',
      ...(param === undefined ? {} : { param }),
    });
  }
  return account;
}

export function createAccount(ctx: SimContext, params: Params): AccountObject {
  ignoreExpand(params);
  rejectUnknown(params, ['type', 'email', 'country', 'metadata', 'capabilities', 'business_type', 'default_currency']);
  const type = optionalEnum(params, 'type', ['express', 'standard', 'custom'] as const);
  if (type === undefined) throw new StripeApiError(400, 'Missing required param: type.', { code: 'parameter_missing', param: 'type', saved: false });
  const capabilities: Record<string, 'inactive'> = {};
  for (const name of Object.keys(optionalObject(params, 'capabilities') ?? {})) capabilities[name] = 'inactive';
  const country = optionalString(params, 'country') ?? 'US';
  const account: AccountObject = {
    id: newId('acct', 16),
    object: 'account',
    business_type: optionalString(params, 'business_type') ?? null,
    capabilities: type === 'express' && Object.keys(capabilities).length === 0 ? { card_payments: 'inactive', transfers: 'inactive' } : capabilities,
    charges_enabled: false,
    country,
    created: ctx.now(),
    default_currency: optionalString(params, 'default_currency') ?? (country === 'US' ? 'usd' : 'eur'),
    details_submitted: false,
    email: optionalString(params, 'email') ?? null,
    metadata: metadataParam(params),
    payouts_enabled: false,
    requirements: { currently_due: [...REQUIREMENTS], disabled_reason: 'requirements.past_due', eventually_due: [...REQUIREMENTS], past_due: [...REQUIREMENTS] },
    type,
  };
  ctx.state.accounts.set(account.id, account);
  return account;
}

export function retrieveAccount(ctx: SimContext, id: string, params: Params): AccountObject {
  ignoreExpand(params);
  rejectUnknown(params, []);
  return findAccount(ctx, id);
}

export function createAccountLink(ctx: SimContext, params: Params): AccountLinkObject {
  ignoreExpand(params);
  rejectUnknown(params, ['account', 'type', 'refresh_url', 'return_url', 'collect']);
  const accountId = requiredString(params, 'account');
  const type = optionalEnum(params, 'type', ['account_onboarding', 'account_update'] as const);
  if (type === undefined) throw new StripeApiError(400, 'Missing required param: type.', { code: 'parameter_missing', param: 'type', saved: false });
  const refreshUrl = requiredString(params, 'refresh_url');
  const returnUrl = requiredString(params, 'return_url');
  findAccount(ctx, accountId, 'account');
  const token = randomToken(24);
  const created = ctx.now();
  const url = ctx.baseUrl === undefined ? returnUrl : `${ctx.baseUrl}/fake-connect/onboarding/${accountId}/${token}`;
  const link: AccountLinkObject = { object: 'account_link', created, expires_at: created + ACCOUNT_LINK_TTL_SECONDS, url };
  ctx.state.accountLinks.set(token, { link, account: accountId, refreshUrl, returnUrl, used: false });
  return link;
}

/** The specialist finishes Stripe's hosted onboarding: capabilities turn active, `account.updated` is emitted. */
export function completeOnboarding(ctx: SimContext, accountId: string): AccountObject {
  const account = findAccount(ctx, accountId);
  if (account.charges_enabled && account.payouts_enabled && account.details_submitted) return account;
  const previous = {
    capabilities: { ...account.capabilities },
    charges_enabled: account.charges_enabled,
    details_submitted: account.details_submitted,
    payouts_enabled: account.payouts_enabled,
    requirements: structuredClone(account.requirements),
  };
  for (const name of Object.keys(account.capabilities)) account.capabilities[name] = 'active';
  account.charges_enabled = true;
  account.payouts_enabled = true;
  account.details_submitted = true;
  account.requirements = { currently_due: [], disabled_reason: null, eventually_due: [], past_due: [] };
  ctx.emit('account.updated', account, { account: account.id, previousAttributes: previous });
  return account;
}
