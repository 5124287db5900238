export * from './common.js';
export * from './problems.js';
export * from './specialists.js';
export * from './bookings.js';
export * from './availability.js';
export * from './account.js';
export * from './routes.js';
export * from './payments.js';
