import { DirectoryPage, DirectoryQuery } from './directory.js';
import { operations } from './operations.js';
import type { RouteSpec } from './route-spec.js';

/** The public directory: listed, verified, bookable specialists, searched and filtered. */
export const directoryRoutes = {
  searchSpecialists: {
    ...operations.searchSpecialists,
    summary: 'Find specialists: full-text search, filters (category, language, price, open within N days) and sorting, a page at a time (`cursor`).',
    tag: 'Specialists',
    query: DirectoryQuery,
    response: { status: 200, schema: DirectoryPage, description: 'One page of specialists.' },
    errors: ['invalid_request'],
  },
} as const satisfies Record<string, RouteSpec>;
