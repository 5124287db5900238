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
import { bodyErrors, type RouteSpec } from './route-spec.js';

/** A specialist's secret API key or access token: missing or bad, expired, or an operator's. */
const meErrors: ProblemCode[] = ['unauthorized', 'token_expired', 'forbidden'];
/** Only an operator's access token. */
const operatorErrors: ProblemCode[] = ['unauthorized', 'token_expired', 'forbidden'];

const authRoutes = {
  signup: {
    operationId: 'signup',
    method: 'post',
    path: '/v1/auth/signup',
    summary: 'Create a specialist account and its public profile; returns tokens.',
    tag: 'Auth',
    body: Signup,
    response: { status: 201, schema: AuthTokens, description: 'Signed up and logged in.' },
    errors: [...bodyErrors, 'email_taken', 'handle_taken', 'rate_limited'],
  },
  login: {
    operationId: 'login',
    method: 'post',
    path: '/v1/auth/login',
    summary: 'Trade an email and password for an access token (15 minutes) and a refresh token.',
    tag: 'Auth',
    body: Login,
    response: { status: 200, schema: AuthTokens, description: 'Logged in.' },
    errors: [...bodyErrors, 'invalid_credentials', 'rate_limited'],
  },
  refreshTokens: {
    operationId: 'refreshTokens',
    method: 'post',
    path: '/v1/auth/refresh',
    summary: 'Trade a refresh token (once) for new tokens. A used token presented again ends the whole login.',
    tag: 'Auth',
    body: RefreshTokenBody,
    response: { status: 200, schema: AuthTokens, description: 'New tokens; the old refresh token is spent.' },
    errors: [...bodyErrors, 'invalid_refresh_token', 'rate_limited'],
  },
  logout: {
    operationId: 'logout',
    method: 'post',
    path: '/v1/auth/logout',
    summary: 'End the login a refresh token belongs to. Answers the same for an unknown token.',
    tag: 'Auth',
    body: RefreshTokenBody,
    response: { status: 200, schema: LoggedOut, description: 'The refresh tokens of this login no longer work.' },
    errors: [...bodyErrors],
  },
} as const satisfies Record<string, RouteSpec>;

const profileRoutes = {
  retrieveProfile: {
    operationId: 'retrieveProfile',
    method: 'get',
    path: '/v1/me',
    summary: 'The calling specialist’s profile.',
    tag: 'Profile',
    response: { status: 200, schema: Profile, description: 'The profile.' },
    errors: meErrors,
    auth: 'apiKey',
  },
  updateProfile: {
    operationId: 'updateProfile',
    method: 'patch',
    path: '/v1/me',
    summary: 'Change the handle, name, bio, time zone, currency or allowed embed origins.',
    tag: 'Profile',
    body: ProfileUpdate,
    response: { status: 200, schema: Profile, description: 'The profile after the change.' },
    errors: [...bodyErrors, ...meErrors, 'handle_taken'],
    auth: 'apiKey',
  },
} as const satisfies Record<string, RouteSpec>;

const apiKeyRoutes = {
  listApiKeys: {
    operationId: 'listApiKeys',
    method: 'get',
    path: '/v1/me/api-keys',
    summary: 'The caller’s API keys, newest first, revoked ones included; never the secrets.',
    tag: 'API keys',
    response: { status: 200, schema: ApiKeyList, description: 'The keys.' },
    errors: meErrors,
    auth: 'apiKey',
  },
  createApiKey: {
    operationId: 'createApiKey',
    method: 'post',
    path: '/v1/me/api-keys',
    summary: 'Create a secret API key; the key is in this answer only.',
    tag: 'API keys',
    body: ApiKeyCreate,
    response: { status: 201, schema: ApiKeyCreated, description: 'The key, shown once.' },
    errors: [...bodyErrors, ...meErrors, 'too_many_api_keys'],
    auth: 'apiKey',
  },
  revokeApiKey: {
    operationId: 'revokeApiKey',
    method: 'delete',
    path: '/v1/me/api-keys/{id}',
    summary: 'Revoke a key at once.',
    tag: 'API keys',
    params: IdParams,
    response: { status: 200, schema: ApiKey, description: 'The revoked key.' },
    errors: [...meErrors, 'api_key_not_found'],
    auth: 'apiKey',
  },
  rotateApiKey: {
    operationId: 'rotateApiKey',
    method: 'post',
    path: '/v1/me/api-keys/{id}/rotate',
    summary: 'Replace a key by a new one with the same name; the old one stops working at once.',
    tag: 'API keys',
    params: IdParams,
    response: { status: 201, schema: ApiKeyCreated, description: 'The new key, shown once.' },
    errors: [...meErrors, 'api_key_not_found', 'api_key_revoked'],
    auth: 'apiKey',
  },
} as const satisfies Record<string, RouteSpec>;

/**
 * The services API. `listMyServices` and `updateServiceRules` keep the keys of the first
 * version of this API (so `routes.*` users need no change) and replace its specs: the answers
 * now carry the cancellation policy, and an update can change every field.
 */
const serviceRoutes = {
  listMyServices: {
    operationId: 'listMyServices',
    method: 'get',
    path: '/v1/me/services',
    summary: 'The calling specialist’s services, archived ones included, with rules and policy.',
    tag: 'Services',
    response: { status: 200, schema: MyServiceList, description: 'The services.' },
    errors: meErrors,
    auth: 'apiKey',
  },
  retrieveService: {
    operationId: 'retrieveService',
    method: 'get',
    path: '/v1/me/services/{id}',
    summary: 'One of the caller’s services.',
    tag: 'Services',
    params: IdParams,
    response: { status: 200, schema: MyService, description: 'The service.' },
    errors: [...meErrors, 'service_not_found'],
    auth: 'apiKey',
  },
  createService: {
    operationId: 'createService',
    method: 'post',
    path: '/v1/me/services',
    summary: 'Offer a new service: durations with prices, scheduling rules and cancellation policy.',
    tag: 'Services',
    body: ServiceCreate,
    response: { status: 201, schema: MyService, description: 'The service, offered at once.' },
    errors: [...bodyErrors, ...meErrors],
    auth: 'apiKey',
  },
  updateServiceRules: {
    operationId: 'updateService',
    method: 'patch',
    path: '/v1/me/services/{id}',
    summary: 'Change any of a service’s fields: name, prices, rules, policy, or whether it is offered.',
    tag: 'Services',
    params: IdParams,
    body: ServiceUpdate,
    response: { status: 200, schema: MyService, description: 'The service after the change.' },
    errors: [...bodyErrors, ...meErrors, 'service_not_found'],
    auth: 'apiKey',
  },
  archiveService: {
    operationId: 'archiveService',
    method: 'delete',
    path: '/v1/me/services/{id}',
    summary: 'Stop offering a service. Its bookings stay; it leaves the public profile and slots.',
    tag: 'Services',
    params: IdParams,
    response: { status: 200, schema: MyService, description: 'The archived service.' },
    errors: [...meErrors, 'service_not_found'],
    auth: 'apiKey',
  },
} as const satisfies Record<string, RouteSpec>;

const operatorRoutes = {
  retrievePlatformSettings: {
    operationId: 'retrievePlatformSettings',
    method: 'get',
    path: '/v1/operator/settings',
    summary: 'Platform settings; an operator’s access token only.',
    tag: 'Operator',
    response: { status: 200, schema: PlatformSettings, description: 'The settings.' },
    errors: operatorErrors,
    auth: 'operator',
  },
  updatePlatformSettings: {
    operationId: 'updatePlatformSettings',
    method: 'patch',
    path: '/v1/operator/settings',
    summary: 'Change the default platform fee; an operator’s access token only.',
    tag: 'Operator',
    body: PlatformSettingsUpdate,
    response: { status: 200, schema: PlatformSettings, description: 'The settings after the change.' },
    errors: [...bodyErrors, ...operatorErrors],
    auth: 'operator',
  },
} as const satisfies Record<string, RouteSpec>;

/** Sign-up, login, tokens, profile, API keys, services and operator settings. */
export const accountRoutes = { ...authRoutes, ...profileRoutes, ...apiKeyRoutes, ...serviceRoutes, ...operatorRoutes } satisfies Record<string, RouteSpec>;
