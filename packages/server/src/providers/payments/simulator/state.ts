import type {
  AccountLinkObject,
  AccountObject,
  ApplicationFeeRecord,
  ChargeObject,
  EventObject,
  PaymentIntentObject,
  RefundObject,
  TransferRecord,
} from './objects.js';

/** Everything the simulated Stripe account holds. Maps keep insertion order, like Stripe's lists. */
export interface SimulatorState {
  paymentIntents: Map<string, PaymentIntentObject>;
  charges: Map<string, ChargeObject>;
  refunds: Map<string, RefundObject>;
  accounts: Map<string, AccountObject>;
  /** Onboarding links by their token: the account, where to go after, and whether used. */
  accountLinks: Map<string, { link: AccountLinkObject; account: string; refreshUrl: string; returnUrl: string; used: boolean }>;
  applicationFees: Map<string, ApplicationFeeRecord>;
  transfers: Map<string, TransferRecord>;
  events: EventObject[];
}

export const emptyState = (): SimulatorState => ({
  paymentIntents: new Map(),
  charges: new Map(),
  refunds: new Map(),
  accounts: new Map(),
  accountLinks: new Map(),
  applicationFees: new Map(),
  transfers: new Map(),
  events: [],
});

/** The request an operation runs for: recorded in its events' `request` member. */
export interface RequestInfo {
  id: string | null;
  idempotency_key: string | null;
}

export interface EmitOptions {
  account?: string;
  previousAttributes?: Record<string, unknown>;
}

/** What an operation gets: the state, the time, and a way to record events. */
export interface SimContext {
  state: SimulatorState;
  /** Unix seconds. */
  now(): number;
  request: RequestInfo;
  /** Authenticated with the publishable key (Stripe.js): only client-secret operations are allowed. */
  publishable: boolean;
  emit(type: string, object: object, options?: EmitOptions): void;
  /** Base URL for links the simulator hands out (onboarding), when it is served over HTTP. */
  baseUrl: string | undefined;
}
