import type {
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
} from '../contract/account.js';
import { pathOf, type Method, type RequestOptions, type Transport } from '../transport.js';

/**
 * Sign-up and login (`client.auth`), the specialist's profile, API keys and services
 * (`client.me`), and platform settings (`client.operator`).
 */
export function accountNamespaces(request: Transport) {
  const open = <T>(method: Method, path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>(method, path, { body, auth: 'none', opts });
  const bearer = <T>(method: Method, path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>(method, path, { body, auth: 'apiKey', opts });
  return {
    auth: {
      /** Creates a specialist account and its profile; returns tokens like `login`. */
      signup: (params: Signup, opts?: RequestOptions) => open<AuthTokens>('POST', '/v1/auth/signup', params, opts),
      /** An access token (15 minutes) and a single-use refresh token. */
      login: (params: Login, opts?: RequestOptions) => open<AuthTokens>('POST', '/v1/auth/login', params, opts),
      /** Spends `refreshToken` for new tokens; keep the new refresh token, the old one is dead. */
      refresh: (params: RefreshTokenBody, opts?: RequestOptions) => open<AuthTokens>('POST', '/v1/auth/refresh', params, opts),
      /** Ends the login `refreshToken` belongs to. */
      logout: (params: RefreshTokenBody, opts?: RequestOptions) => open<LoggedOut>('POST', '/v1/auth/logout', params, opts),
    },
    me: {
      profile: {
        retrieve: (opts?: RequestOptions) => bearer<Profile>('GET', '/v1/me', undefined, opts),
        update: (params: ProfileUpdate, opts?: RequestOptions) => bearer<Profile>('PATCH', '/v1/me', params, opts),
      },
      apiKeys: {
        list: (opts?: RequestOptions) => bearer<ApiKeyList>('GET', '/v1/me/api-keys', undefined, opts),
        /** The returned `key` is shown once. */
        create: (params: ApiKeyCreate, opts?: RequestOptions) => bearer<ApiKeyCreated>('POST', '/v1/me/api-keys', params, opts),
        revoke: (id: string, opts?: RequestOptions) => bearer<ApiKey>('DELETE', pathOf('/v1/me/api-keys/{}', id), undefined, opts),
        /** A new key with the same name; the old one stops working at once. */
        rotate: (id: string, opts?: RequestOptions) => bearer<ApiKeyCreated>('POST', pathOf('/v1/me/api-keys/{}/rotate', id), undefined, opts),
      },
      services: {
        list: (opts?: RequestOptions) => bearer<MyServiceList>('GET', '/v1/me/services', undefined, opts),
        retrieve: (id: string, opts?: RequestOptions) => bearer<MyService>('GET', pathOf('/v1/me/services/{}', id), undefined, opts),
        create: (params: ServiceCreate, opts?: RequestOptions) => bearer<MyService>('POST', '/v1/me/services', params, opts),
        /** Changes any field: name, durations and prices, scheduling rules, policy, `active`. */
        update: (id: string, params: ServiceUpdate, opts?: RequestOptions) =>
          bearer<MyService>('PATCH', pathOf('/v1/me/services/{}', id), params, opts),
        /** Stops offering the service; its bookings stay. `update(id, { active: true })` offers it again. */
        archive: (id: string, opts?: RequestOptions) => bearer<MyService>('DELETE', pathOf('/v1/me/services/{}', id), undefined, opts),
      },
    },
    operator: {
      settings: {
        retrieve: (opts?: RequestOptions) => bearer<PlatformSettings>('GET', '/v1/operator/settings', undefined, opts),
        update: (params: PlatformSettingsUpdate, opts?: RequestOptions) =>
          bearer<PlatformSettings>('PATCH', '/v1/operator/settings', params, opts),
      },
    },
  };
}
