import type { ProblemCode } from './problems.js';
import { promoRefusals } from './promo-problems.js';
import { MyPromoCode, MyPromoCodeList, PromoCheckParams, PromoCheckQuery, PromoCodeCreate, PromoCodeParams, PromoCodeUpdate, PromoQuote } from './promo.js';
import { operations } from './operations.js';
import { bodyErrors, type RouteSpec } from './route-spec.js';

const meErrors: ProblemCode[] = ['unauthorized', 'token_expired', 'forbidden'];

/** Promo codes: the specialist's, and the check a booking form makes before booking. */
export const promoRoutes = {
  listMyPromoCodes: {
    ...operations.listMyPromoCodes,
    summary: 'Your promo codes, inactive ones included, with how many uses count against each.',
    tag: 'Promo codes',
    response: { status: 200, schema: MyPromoCodeList, description: 'The codes.' },
    errors: meErrors,
  },
  createMyPromoCode: {
    ...operations.createMyPromoCode,
    summary: 'Create a promo code: percent or amount off, for some services or all, with a validity window and limits. Usable at once.',
    tag: 'Promo codes',
    body: PromoCodeCreate,
    response: { status: 201, schema: MyPromoCode, description: 'The code.' },
    errors: [...bodyErrors, ...meErrors, 'service_not_found', 'promo_code_taken', 'limit_reached'],
  },
  deactivateMyPromoCode: {
    ...operations.deactivateMyPromoCode,
    summary: 'Stop a promo code: later bookings cannot use it; bookings made with it keep their price.',
    tag: 'Promo codes',
    params: PromoCodeParams,
    response: { status: 200, schema: MyPromoCode, description: 'The code, inactive.' },
    errors: [...meErrors, 'promo_code_not_found'],
  },
  updateMyPromoCode: {
    ...operations.updateMyPromoCode,
    summary: 'Change a promo code’s end, its limits, or make it active again. Its text, discount and services stay as created. Later bookings follow the change; earlier ones keep their price.',
    tag: 'Promo codes',
    params: PromoCodeParams,
    body: PromoCodeUpdate,
    response: { status: 200, schema: MyPromoCode, description: 'The code as it is now.' },
    errors: [...bodyErrors, ...meErrors, 'promo_code_not_found'],
  },
  checkPromoCode: {
    ...operations.checkPromoCode,
    summary: 'What a promo code does to a service’s price now, to show before booking. The booking checks it again, with the customer’s limits.',
    tag: 'Promo codes',
    params: PromoCheckParams,
    query: PromoCheckQuery,
    response: { status: 200, schema: PromoQuote, description: 'The price after the code.' },
    errors: ['invalid_request', 'specialist_not_found', 'service_not_found', 'duration_not_offered', 'rate_limited', ...promoRefusals],
  },
} as const satisfies Record<string, RouteSpec>;
