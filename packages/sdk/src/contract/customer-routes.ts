import { CustomerBookings, CustomerLinkRequest, CustomerSession, CustomerSessionCreate, CustomerSignOut } from './customer-access.js';
import { operations } from './operations.js';
import { EmailAccepted } from './recovery.js';
import { bodyErrors, type RouteSpec } from './route-spec.js';
import { SpecialistParams } from './specialists.js';

/** "My bookings": a customer's own bookings with one specialist, by an emailed link, without an account. */
export const customerRoutes = {
  requestCustomerLink: {
    ...operations.requestCustomerLink,
    summary: 'Email a "My bookings" link (single use, 15 minutes) to a customer of this specialist. Answers the same whether or not the address has bookings.',
    tag: 'My bookings',
    params: SpecialistParams,
    body: CustomerLinkRequest,
    response: { status: 202, schema: EmailAccepted, description: 'Accepted: if the address has bookings or credits with this specialist, a link is on its way.' },
    errors: [...bodyErrors, 'specialist_not_found', 'rate_limited'],
  },
  openCustomerSession: {
    ...operations.openCustomerSession,
    summary: 'Exchange the emailed link’s token (once) for a session token that lists the customer’s bookings for 1 hour.',
    tag: 'My bookings',
    params: SpecialistParams,
    body: CustomerSessionCreate,
    response: { status: 201, schema: CustomerSession, description: 'The session; the link no longer works.' },
    errors: [...bodyErrors, 'customer_link_invalid', 'rate_limited'],
  },
  listCustomerBookings: {
    ...operations.listCustomerBookings,
    summary: 'The session’s customer’s upcoming and past bookings with its specialist, and their credits.',
    tag: 'My bookings',
    response: { status: 200, schema: CustomerBookings, description: 'Their bookings and credits.' },
    errors: ['customer_session_required', 'customer_session_invalid', 'rate_limited'],
  },
  endCustomerSession: {
    ...operations.endCustomerSession,
    summary: 'Sign out of "My bookings": the session token stops working. Answers alike for a session already ended.',
    tag: 'My bookings',
    body: CustomerSignOut,
    response: { status: 200, schema: EmailAccepted.pick({ accepted: true }), description: 'Signed out.' },
    errors: [...bodyErrors],
  },
} as const satisfies Record<string, RouteSpec>;
