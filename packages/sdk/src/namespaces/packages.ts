import type {
  CreditBalance,
  MyPackage,
  MyPackageList,
  PackageCreate,
  PackagePurchaseCreate,
  PackagePurchaseCreated,
  PackagePurchaseList,
  PackagePurchaseListQuery,
  PackageUpdate,
} from '../contract/packages.js';
import { pathOf, type Method, type RequestOptions, type Transport } from '../transport.js';

export interface CreditsOptions extends RequestOptions {
  /** The credits token returned when the package was bought. */
  creditsToken: string;
}

/**
 * Buying packages and reading credits (`client.packages`, `client.credits`), and the specialist's
 * packages and their purchases (`client.me.packages`, `client.me.packagePurchases`). Booking with
 * a credit is `client.bookings.create({ …, credit: { token } })`.
 */
export function packageNamespaces(request: Transport) {
  const me = <T>(method: Method, path: string, body?: unknown, opts?: RequestOptions) => request<T>(method, path, { body, auth: 'apiKey', opts });
  return {
    packages: {
      /** Buys package `id`. Keep the returned `creditsToken`: it is shown once. Pay with `paymentSession`. */
      purchase: (id: string, params: PackagePurchaseCreate, opts?: RequestOptions) =>
        request<PackagePurchaseCreated>('POST', pathOf('/v1/packages/{}/purchases', id), { body: params, auth: 'none', opts }),
    },
    credits: {
      /** What is left of the credits the token reaches, and when each lot expires. */
      retrieve: (opts: CreditsOptions) =>
        request<CreditBalance>('GET', '/v1/credits', { headers: { authorization: `Bearer ${opts.creditsToken}` }, auth: 'none', opts }),
    },
    me: {
      packages: {
        /** Archived ones included. */
        list: (opts?: RequestOptions) => me<MyPackageList>('GET', '/v1/me/packages', undefined, opts),
        create: (params: PackageCreate, opts?: RequestOptions) => me<MyPackage>('POST', '/v1/me/packages', params, opts),
        retrieve: (id: string, opts?: RequestOptions) => me<MyPackage>('GET', pathOf('/v1/me/packages/{}', id), undefined, opts),
        /** Later purchases get the new terms; earlier ones keep theirs. */
        update: (id: string, params: PackageUpdate, opts?: RequestOptions) => me<MyPackage>('PATCH', pathOf('/v1/me/packages/{}', id), params, opts),
        /** Stops selling it; credits already bought stay valid. `update(id, { active: true })` sells it again. */
        archive: (id: string, opts?: RequestOptions) => me<MyPackage>('DELETE', pathOf('/v1/me/packages/{}', id), undefined, opts),
      },
      packagePurchases: {
        /** Newest first; pass the last id as `starting_after` for the next page. */
        list: (query: PackagePurchaseListQuery = {}, opts?: RequestOptions) =>
          request<PackagePurchaseList>('GET', '/v1/me/package-purchases', { query: { ...query }, auth: 'apiKey', opts }),
      },
    },
  };
}
