import type { ProblemCode } from './problems.js';
import { IdParams } from './availability.js';
import {
  ApiKey,
  ApiKeyCreate,
  ApiKeyCreated,
  ApiKeyList,
  AuthTokens,
  LoggedOut,
  Login,
  MyService,
  MyServiceList,
  PlatformSettings,
  PlatformSettingsUpdate,
  Profile,
  ProfileUpdate,
  RefreshTokenBody,
  ServiceCreate,
  ServiceUpdate,
  Signup,
} from './account.js';
import { operations } from './operations.js';
import { bodyErrors, type RouteSpec } from './route-spec.js';

/** A specialist's secret API key or access token: missing or bad, expired, or an operator's. */
const meErrors: ProblemCode[] = ['unauthorized', 'token_expired', 'forbidden'];
/** Only an operator's access token. */
const operatorErrors: ProblemCode[] = ['unauthorized', 'token_expired', 'forbidden'];

const authRoutes = {
  signup: {
    ...operations.signup,
    summary: 'Create a specialist account and its public profile; returns tokens.',
    tag: 'Auth',
    body: Signup,
    response: { status: 201, schema: AuthTokens, description: 'Signed up and logged in.' },
    errors: [...bodyErrors, 'email_taken', 'handle_taken', 'rate_limited'],
  },
  login: {
    ...operations.login,
    summary: 'Trade an email and password for an access token (15 minutes) and a refresh token.',
    tag: 'Auth',
    body: Login,
    response: { status: 200, schema: AuthTokens, description: 'Logged in.' },
    errors: [...bodyErrors, 'invalid_credentials', 'password_rehash_required', 'rate_limited'],
  },
  refreshTokens: {
    ...operations.refreshTokens,
    summary: 'Trade a refresh token (once) for new tokens. A used token presented again ends the whole login.',
    tag: 'Auth',
    body: RefreshTokenBody,
    response: { status: 200, schema: AuthTokens, description: 'New tokens; the old refresh token is spent.' },
    errors: [...bodyErrors, 'invalid_refresh_token', 'rate_limited'],
  },
  logout: {
    ...operations.logout,
    summary: 'End the login a refresh token belongs to. Answers the same for an unknown token.',
    tag: 'Auth',
    body: RefreshTokenBody,
    response: { status: 200, schema: LoggedOut, description: 'The refresh tokens of this login no longer work.' },
    errors: [...bodyErrors],
  },
} as const satisfies Record<string, RouteSpec>;

const profileRoutes = {
  retrieveProfile: {
    ...operations.retrieveProfile,
    summary: 'The calling specialist’s profile.',
    tag: 'Profile',
    response: { status: 200, schema: Profile, description: 'The profile.' },
    errors: meErrors,
  },
  updateProfile: {
    ...operations.updateProfile,
    summary: 'Change the handle, name, bio, time zone, currency or allowed embed origins.',
    tag: 'Profile',
    body: ProfileUpdate,
    response: { status: 200, schema: Profile, description: 'The profile after the change.' },
    errors: [...bodyErrors, ...meErrors, 'handle_taken'],
  },
} as const satisfies Record<string, RouteSpec>;

const apiKeyRoutes = {
  listApiKeys: {
    ...operations.listApiKeys,
    summary: 'The caller’s API keys, newest first: every active one and the 20 revoked last; never the secrets.',
    tag: 'API keys',
    response: { status: 200, schema: ApiKeyList, description: 'The keys.' },
    errors: meErrors,
  },
  createApiKey: {
    ...operations.createApiKey,
    summary: 'Create a secret API key; the key is in this answer only.',
    tag: 'API keys',
    body: ApiKeyCreate,
    response: { status: 201, schema: ApiKeyCreated, description: 'The key, shown once.' },
    errors: [...bodyErrors, ...meErrors, 'too_many_api_keys'],
  },
  revokeApiKey: {
    ...operations.revokeApiKey,
    summary: 'Revoke a key at once.',
    tag: 'API keys',
    params: IdParams,
    response: { status: 200, schema: ApiKey, description: 'The revoked key.' },
    errors: [...meErrors, 'api_key_not_found'],
  },
  rotateApiKey: {
    ...operations.rotateApiKey,
    summary: 'Replace a key by a new one with the same name; the old one stops working at once.',
    tag: 'API keys',
    params: IdParams,
    response: { status: 201, schema: ApiKeyCreated, description: 'The new key, shown once.' },
    errors: [...meErrors, 'api_key_not_found', 'api_key_revoked'],
  },
} as const satisfies Record<string, RouteSpec>;

/**
 * The services API. `listMyServices` and `updateServiceRules` keep the keys of the first
 * version of this API (so `routes.*` users need no change) and replace its specs: the answers
 * now carry the cancellation policy, and an update can change every field.
 */
const serviceRoutes = {
  listMyServices: {
    ...operations.listMyServices,
    summary: 'The calling specialist’s services, archived ones included, with rules and policy.',
    tag: 'Services',
    response: { status: 200, schema: MyServiceList, description: 'The services.' },
    errors: meErrors,
  },
  retrieveService: {
    ...operations.retrieveService,
    summary: 'One of the caller’s services.',
    tag: 'Services',
    params: IdParams,
    response: { status: 200, schema: MyService, description: 'The service.' },
    errors: [...meErrors, 'service_not_found'],
  },
  createService: {
    ...operations.createService,
    summary: 'Offer a new service: durations with prices, scheduling rules and cancellation policy.',
    tag: 'Services',
    body: ServiceCreate,
    response: { status: 201, schema: MyService, description: 'The service, offered at once.' },
    errors: [...bodyErrors, ...meErrors, 'limit_reached'],
  },
  updateServiceRules: {
    ...operations.updateServiceRules,
    summary: 'Change any of a service’s fields: name, prices, rules, policy, or whether it is offered.',
    tag: 'Services',
    params: IdParams,
    body: ServiceUpdate,
    response: { status: 200, schema: MyService, description: 'The service after the change.' },
    errors: [...bodyErrors, ...meErrors, 'service_not_found'],
  },
  archiveService: {
    ...operations.archiveService,
    summary: 'Stop offering a service. Its bookings stay; it leaves the public profile and slots.',
    tag: 'Services',
    params: IdParams,
    response: { status: 200, schema: MyService, description: 'The archived service.' },
    errors: [...meErrors, 'service_not_found'],
  },
} as const satisfies Record<string, RouteSpec>;

const operatorRoutes = {
  retrievePlatformSettings: {
    ...operations.retrievePlatformSettings,
    summary: 'Platform settings; an operator’s access token only.',
    tag: 'Operator',
    response: { status: 200, schema: PlatformSettings, description: 'The settings.' },
    errors: operatorErrors,
  },
  updatePlatformSettings: {
    ...operations.updatePlatformSettings,
    summary: 'Change the default platform fee; an operator’s access token only.',
    tag: 'Operator',
    body: PlatformSettingsUpdate,
    response: { status: 200, schema: PlatformSettings, description: 'The settings after the change.' },
    errors: [...bodyErrors, ...operatorErrors],
  },
} as const satisfies Record<string, RouteSpec>;

/** Sign-up, login, tokens, profile, API keys, services and operator settings. */
export const accountRoutes = { ...authRoutes, ...profileRoutes, ...apiKeyRoutes, ...serviceRoutes, ...operatorRoutes } satisfies Record<string, RouteSpec>;
