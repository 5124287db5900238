export { createClient } from './client.js';
export type { ClientOptions, ManageOptions, RequestOptions, SlotwiseClient } from './client.js';
export { SlotwiseError, isSlotwiseError } from './errors.js';
export type { ClientErrorCode } from './errors.js';
export type * from './contract/specialists.js';
export type * from './contract/bookings.js';
export type * from './contract/availability.js';
export type { Problem, FieldError } from './contract/common.js';
