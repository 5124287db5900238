import { buildEvent } from '../events.js';
import { StripeApiError } from './api-error.js';
import { completeOnboarding, findAccount } from './accounts.js';
import { TEST_PAYMENT_METHODS, type Decline } from './charges.js';
import { newId } from './ids.js';
import { IdempotencyStore } from './idempotency.js';
import type { AccountObject, EventObject, PaymentIntentObject, RefundObject } from './objects.js';
import { failRefund } from './refunds.js';
import type { Params } from './params.js';
import { attemptPayment, cancelPaymentIntent, findPaymentIntent } from './payment-intents.js';
import { matchRoute, publishableKeyRefused, unrecognizedUrl } from './router.js';
import { STRIPE_API_VERSION } from '../stripe-sdk.js';
import { emptyState, type EmitOptions, type RequestInfo, type SimContext, type SimulatorState } from './state.js';

export interface SimulatorOptions {
  /** Milliseconds since the epoch. @default Date.now */
  clock?: () => number;
  /** The `api_version` of events. @default the installed `stripe` package's version */
  apiVersion?: string;
  /** Where onboarding links point (the fake server's URL); without it, links go straight to `return_url`. */
  baseUrl?: string;
}

export interface SimRequest {
  method: string;
  /** The path with its `/v1` prefix, without the query. */
  path: string;
  params: Params;
  idempotencyKey?: string | undefined;
  /** Which kind of key authenticated the request. */
  key: 'secret' | 'publishable';
  /** Idempotency keys are scoped to the account: here, to the API key used. */
  scope: string;
}

export interface SimResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  requestId: string;
  replayed: boolean;
}

/** Events kept in a snapshot: enough for any retrieval that follows a delivery. */
const KEPT_EVENTS = 200;

interface InjectedFailure {
  method: string;
  path: RegExp;
  status: number;
  persist: boolean;
}

/**
 * An in-memory Stripe account: PaymentIntents, charges, refunds, Connect accounts and the events
 * they emit, behind Stripe's paths and rules (validation, state checks, idempotency, error
 * bodies). The fake Stripe server serves it over HTTP; the offline test-payments mode calls it
 * in process. It never moves money and knows only Stripe's test PaymentMethods.
 */
export class StripeSimulator {
  readonly state: SimulatorState = emptyState();
  readonly #clock: () => number;
  readonly #apiVersion: string;
  /** Where onboarding links point; set by the fake server once it listens. */
  baseUrl: string | undefined;
  readonly #idempotency: IdempotencyStore;
  readonly #listeners = new Set<(event: EventObject) => void>();
  readonly #failures: InjectedFailure[] = [];

  constructor(options: SimulatorOptions = {}) {
    this.#clock = options.clock ?? Date.now;
    this.#apiVersion = options.apiVersion ?? STRIPE_API_VERSION;
    this.baseUrl = options.baseUrl;
    this.#idempotency = new IdempotencyStore(this.#clock);
  }

  /** Calls `listener` with every event as it is created; returns the unsubscribe function. */
  onEvent(listener: (event: EventObject) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** One API request, answered as Stripe would (status, body, headers). */
  handle(request: SimRequest): SimResponse {
    const requestId = newId('req', 14);
    const post = request.method === 'POST';
    const key = post ? request.idempotencyKey : undefined;
    const headers: Record<string, string> = { 'Request-Id': requestId };
    if (key !== undefined) Object.assign(headers, { 'Idempotency-Key': key, 'Original-Request': requestId });
    const answer = (status: number, body: unknown, extra: Record<string, string> = {}, replayed = false): SimResponse => ({
      status, body, headers: { ...headers, ...extra }, requestId, replayed,
    });
    const fail = (error: StripeApiError) => answer(error.status, { error: error.body }, error.headers);
    try {
      const match = matchRoute(request.method, request.path);
      if (!match) return fail(unrecognizedUrl(request.method, request.path));
      if (request.key === 'publishable' && !match.route.publishable) return fail(publishableKeyRefused());
      const failure = this.#takeFailure(request.method, request.path);
      if (failure && !failure.persist) {
        return answer(failure.status, { error: { message: 'An unknown error occurred', type: 'api_error' } }, { 'Stripe-Should-Retry': 'true' });
      }
      if (key !== undefined) {
        const saved = this.#idempotency.lookup(request.scope, key, request.method, request.path, request.params);
        if (saved) return answer(saved.status, saved.body, { ...saved.headers, 'Idempotent-Replayed': 'true', 'Original-Request': saved.requestId }, true);
      }
      let response: SimResponse;
      let save = true;
      if (failure) {
        response = answer(failure.status, { error: { message: 'An unknown error occurred', type: 'api_error' } }, { 'Stripe-Should-Retry': 'false' });
      } else {
        try {
          const ctx = this.#context({ id: requestId, idempotency_key: key ?? null }, request.key === 'publishable');
          const result = match.route.run(ctx, structuredClone(request.params), match.id);
          response = answer(200, structuredClone(result));
        } catch (error) {
          if (!(error instanceof StripeApiError)) throw error;
          save = error.saved;
          response = fail(error);
        }
      }
      if (key !== undefined && save) {
        this.#idempotency.save(request.scope, key, request.method, request.path, request.params, {
          status: response.status,
          body: response.body,
          requestId,
          headers: response.headers['Stripe-Should-Retry'] === undefined ? {} : { 'Stripe-Should-Retry': response.headers['Stripe-Should-Retry'] },
        });
      }
      return response;
    } catch (error) {
      if (error instanceof StripeApiError) return fail(error);
      throw error;
    }
  }

  /**
   * Everything the account holds, as JSON text: its objects, the idempotency keys still live and
   * the latest events (older ones are dropped: only `GET /v1/events/:id` reads them).
   */
  exportState(): string {
    const maps = Object.fromEntries(
      (Object.keys(this.state) as (keyof SimulatorState)[]).filter((k) => k !== 'events').map((k) => [k, [...(this.state[k] as Map<string, unknown>)]]),
    );
    return JSON.stringify({ version: 1, ...maps, events: this.state.events.slice(-KEPT_EVENTS), idempotency: this.#idempotency.export() });
  }

  /** Replaces everything the account holds with a snapshot from `exportState`. */
  importState(text: string): void {
    const snapshot = JSON.parse(text) as Record<string, unknown> & { version: number };
    if (snapshot.version !== 1) throw new Error(`Unknown simulator snapshot version ${snapshot.version}.`);
    for (const key of Object.keys(this.state) as (keyof SimulatorState)[]) {
      if (key === 'events') continue;
      const map = this.state[key] as Map<string, unknown>;
      map.clear();
      for (const [id, value] of (snapshot[key] as [string, unknown][] | undefined) ?? []) map.set(id, value);
    }
    this.state.events.splice(0, this.state.events.length, ...((snapshot.events as EventObject[] | undefined) ?? []));
    this.#idempotency.import((snapshot.idempotency as Parameters<IdempotencyStore['import']>[0] | undefined) ?? []);
  }

  // ---- Controls: what the customer, Stripe or the dashboard would do. ----

  /** The customer pays with a test card that succeeds (`pm_card_visa`). */
  succeed(paymentIntentId: string): PaymentIntentObject {
    const ctx = this.#context();
    return attemptPayment(ctx, this.#confirmable(ctx, paymentIntentId), 'pm_card_visa');
  }

  /** The customer's card is declined: the intent goes back to `requires_payment_method`. */
  decline(paymentIntentId: string, decline: Partial<Decline> = {}): PaymentIntentObject {
    const ctx = this.#context();
    const pi = this.#confirmable(ctx, paymentIntentId);
    const base = TEST_PAYMENT_METHODS.pm_card_chargeDeclined!.decline!;
    try {
      attemptPayment(ctx, pi, 'pm_card_chargeDeclined', { ...base, ...decline });
    } catch (error) {
      if (!(error instanceof StripeApiError) || error.status !== 402) throw error;
    }
    return pi;
  }

  /** A created refund fails afterwards (the card was closed): see `failRefund` in `refunds.ts`. */
  failRefund(refundId: string, reason = 'expired_or_canceled_card'): RefundObject {
    return failRefund(this.#context(), refundId, reason);
  }

  /** Cancels the intent as Stripe or the dashboard would (default reason `abandoned`). */
  cancel(paymentIntentId: string, reason = 'abandoned'): PaymentIntentObject {
    return cancelPaymentIntent(this.#context(), paymentIntentId, { cancellation_reason: reason });
  }

  completeOnboarding(accountId: string): AccountObject {
    return completeOnboarding(this.#context(), accountId);
  }

  /** Follows an onboarding link: where to send the browser, or the account to onboard. */
  onboardingLink(token: string): { account: AccountObject; link: { refreshUrl: string; returnUrl: string } } | { redirect: string } | undefined {
    const entry = this.state.accountLinks.get(token);
    if (!entry) return undefined;
    if (entry.used || entry.link.expires_at < this.#now()) return { redirect: entry.refreshUrl };
    return { account: findAccount(this.#context(), entry.account), link: { refreshUrl: entry.refreshUrl, returnUrl: entry.returnUrl } };
  }

  /** Completes onboarding through a link (single use) and answers where to send the browser. */
  useOnboardingLink(token: string): string | undefined {
    const found = this.onboardingLink(token);
    if (!found) return undefined;
    if ('redirect' in found) return found.redirect;
    this.state.accountLinks.get(token)!.used = true;
    this.completeOnboarding(found.account.id);
    return found.link.returnUrl;
  }

  /** Creates and emits any event, e.g. one Slotwise does not handle. */
  emitEvent(type: string, object: object, options: EmitOptions = {}): EventObject {
    return this.#emit(type, object, options, { id: null, idempotency_key: null });
  }

  /** The next request matching `method` and `path` fails with `status` (default 500). */
  failNext(options: { method?: string; path: RegExp; status?: number; persist?: boolean }): void {
    this.#failures.push({ method: options.method ?? 'POST', path: options.path, status: options.status ?? 500, persist: options.persist ?? false });
  }

  #takeFailure(method: string, path: string): InjectedFailure | undefined {
    const index = this.#failures.findIndex((failure) => failure.method === method && failure.path.test(path));
    return index === -1 ? undefined : this.#failures.splice(index, 1)[0];
  }

  #confirmable(ctx: SimContext, id: string): PaymentIntentObject {
    const pi = findPaymentIntent(ctx, id);
    if (!['requires_payment_method', 'requires_confirmation', 'requires_action', 'processing'].includes(pi.status)) {
      throw new Error(`PaymentIntent ${id} is ${pi.status}: it cannot be paid now.`);
    }
    return pi;
  }

  #now(): number {
    return Math.floor(this.#clock() / 1000);
  }

  #emit(type: string, object: object, options: EmitOptions, request: RequestInfo): EventObject {
    const event = buildEvent({
      id: newId('evt'),
      type,
      object,
      created: this.#now(),
      apiVersion: this.#apiVersion,
      request,
      ...options,
    });
    this.state.events.push(event);
    for (const listener of this.#listeners) listener(event);
    return event;
  }

  #context(request: RequestInfo = { id: null, idempotency_key: null }, publishable = false): SimContext {
    return {
      state: this.state,
      now: () => this.#now(),
      request,
      publishable,
      baseUrl: this.baseUrl,
      emit: (type, object, options = {}) => void this.#emit(type, object, options, request),
    };
  }
}
