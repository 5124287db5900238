import { AccountClose, AccountClosed, AccountExport, CustomerErase, CustomerErased } from './data.js';
import { operations } from './operations.js';
import type { ProblemCode } from './problems.js';
import { bodyErrors, type RouteSpec } from './route-spec.js';

const meErrors: ProblemCode[] = ['unauthorized', 'token_expired', 'forbidden', 'account_closed'];
const operatorErrors: ProblemCode[] = ['unauthorized', 'token_expired', 'forbidden'];

/** A specialist's export and closing their account; the operator's erasure of a customer. */
export const dataRoutes = {
  retrieveMyExport: {
    ...operations.retrieveMyExport,
    summary:
      'Everything of yours as one JSON document (profile, services, availability, packages, bookings with events and payments, customers, payments with refunds, package sales with credits), streamed. The same tables as CSV: `GET /v1/me/export/{table}.csv`.',
    tag: 'Your data',
    response: { status: 200, schema: AccountExport, description: 'The export (`Content-Disposition: attachment`).' },
    errors: meErrors,
  },
  closeMyAccount: {
    ...operations.closeMyAccount,
    summary:
      'Close your account: future bookings are cancelled by you with full refunds (customers are emailed), services deactivated, packages archived, API keys revoked, logins ended, webhooks disabled. Your public page then answers `specialist_not_found`; your handle stays reserved. Past bookings and payment records are kept. Cannot be undone.',
    tag: 'Your data',
    body: AccountClose,
    response: { status: 200, schema: AccountClosed, description: 'What closing did.' },
    errors: [...bodyErrors, ...meErrors, 'password_incorrect', 'password_rehash_required'],
  },
  eraseCustomer: {
    ...operations.eraseCustomer,
    summary:
      'Erase a customer’s personal data on their request, across specialists: name, email, phone and their notes in bookings, purchases, payments and queued messages become a placeholder. Amounts, dates, ids and payment references stay; nothing is cancelled. An operator’s access token only.',
    tag: 'Operator',
    body: CustomerErase,
    response: { status: 200, schema: CustomerErased, description: 'How many records were erased.' },
    errors: [...bodyErrors, ...operatorErrors],
  },
} as const satisfies Record<string, RouteSpec>;
