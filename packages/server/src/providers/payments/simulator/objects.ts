/**
 * The objects the simulator keeps, in the shape Stripe's API returns them (the fields Slotwise
 * and Stripe.js read, plus the common ones, with Stripe's names and nulls). Webhook events carry
 * copies of these as `data.object`.
 */

// One list of statuses: the port's, which mirrors Stripe's.
import type { PaymentIntentStatus } from '../../../services/payments/port.js';
export type { PaymentIntentStatus };

export interface LastPaymentError {
  type: 'card_error';
  code: string;
  decline_code?: string;
  doc_url: string;
  message: string;
  charge: string;
  payment_method: { id: string; object: 'payment_method'; type: 'card' };
}

export interface PaymentIntentObject {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  application: null;
  application_fee_amount: number | null;
  automatic_payment_methods: { allow_redirects: 'always' | 'never'; enabled: boolean } | null;
  canceled_at: number | null;
  cancellation_reason: string | null;
  capture_method: 'automatic_async';
  client_secret: string;
  confirmation_method: 'automatic';
  created: number;
  currency: string;
  customer: null;
  description: string | null;
  last_payment_error: LastPaymentError | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Record<string, string>;
  next_action: null;
  on_behalf_of: null;
  payment_method: string | null;
  payment_method_types: string[];
  processing: null;
  receipt_email: string | null;
  setup_future_usage: null;
  statement_descriptor: null;
  status: PaymentIntentStatus;
  transfer_data: { destination: string } | null;
  transfer_group: string | null;
}

export interface ChargeObject {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  application_fee: string | null;
  application_fee_amount: number | null;
  balance_transaction: string | null;
  billing_details: { address: null; email: string | null; name: null; phone: null };
  captured: boolean;
  created: number;
  currency: string;
  description: string | null;
  destination: string | null;
  failure_code: string | null;
  failure_message: string | null;
  livemode: false;
  metadata: Record<string, string>;
  outcome: { network_status: string; reason: string | null; risk_level: 'normal'; seller_message: string; type: string };
  paid: boolean;
  payment_intent: string;
  payment_method: string;
  payment_method_details: { card: { brand: 'visa'; country: 'US'; exp_month: number; exp_year: number; funding: 'credit'; last4: string }; type: 'card' };
  receipt_email: string | null;
  refunded: boolean;
  status: 'succeeded' | 'failed';
  transfer: string | null;
  transfer_data: { amount: null; destination: string } | null;
  transfer_group: string | null;
}

export interface RefundObject {
  id: string;
  object: 'refund';
  amount: number;
  balance_transaction: string;
  charge: string;
  created: number;
  currency: string;
  metadata: Record<string, string>;
  payment_intent: string;
  reason: string | null;
  receipt_number: null;
  source_transfer_reversal: null;
  status: 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';
  /** Set when the refund failed after it was created (`expired_or_canceled_card`, `lost_or_stolen_card`, `unknown`). */
  failure_reason?: string;
  transfer_reversal: string | null;
}

export type CapabilityStatus = 'active' | 'inactive' | 'pending';

export interface AccountObject {
  id: string;
  object: 'account';
  business_type: string | null;
  capabilities: Record<string, CapabilityStatus>;
  charges_enabled: boolean;
  country: string;
  created: number;
  default_currency: string;
  details_submitted: boolean;
  email: string | null;
  metadata: Record<string, string>;
  payouts_enabled: boolean;
  requirements: { currently_due: string[]; disabled_reason: string | null; eventually_due: string[]; past_due: string[] };
  type: 'express' | 'standard' | 'custom';
}

export interface AccountLinkObject {
  object: 'account_link';
  created: number;
  expires_at: number;
  url: string;
}

/** What Stripe keeps about a destination charge's money movements (not served as objects here). */
export interface ApplicationFeeRecord {
  id: string;
  account: string;
  amount: number;
  amount_refunded: number;
  charge: string;
}

export interface TransferRecord {
  id: string;
  amount: number;
  amount_reversed: number;
  destination: string;
  source_transaction: string;
}

export interface EventObject {
  id: string;
  object: 'event';
  /** Present on events of connected accounts (Connect webhooks). */
  account?: string;
  api_version: string;
  created: number;
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}
