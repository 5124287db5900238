import { z } from 'zod';
import { Currency, Handle, Instant, MinorAmount, TimeZone } from './common.js';
import { say } from './messages.js';
import { Rating } from './reviews.js';

/** The most results one directory page answers. */
export const MAX_DIRECTORY_PAGE = 50;
/** The longest search text, in characters. */
export const MAX_DIRECTORY_QUERY = 100;
/** How far ahead the directory looks for a specialist's next open time, in days (`available_within_days` at most). */
export const DIRECTORY_HORIZON_DAYS = 30;
/** The most categories and languages a specialist lists. */
export const MAX_CATEGORIES = 5;
export const MAX_LANGUAGES = 10;
/** The longest headline, in characters. */
export const MAX_HEADLINE = 120;

/** A directory category: lower-case words joined by hyphens (`career-coaching`). */
export const Category = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: say('directory_category') })
  .max(40, { message: say('directory_category') })
  .meta({ example: 'career-coaching' });

/** A language sessions are held in: an ISO 639-1 code. */
export const SessionLanguage = z
  .string()
  .regex(/^[a-z]{2}$/, { message: say('directory_language') })
  .meta({ example: 'en' });

/** What a specialist sets for the directory, on their profile (`PATCH /v1/me/profile`). */
export const DirectoryProfileFields = {
  headline: z
    .string()
    .trim()
    .max(MAX_HEADLINE, { message: say('headline_too_long', { max: MAX_HEADLINE }) })
    .optional()
    .meta({ description: 'One line under your name in the directory.' }),
  categories: z
    .array(Category)
    .max(MAX_CATEGORIES, { message: say('categories_too_many', { max: MAX_CATEGORIES }) })
    .overwrite((list) => [...new Set(list)])
    .optional()
    .meta({ description: `Up to ${MAX_CATEGORIES} directory categories, e.g. ["career-coaching"].` }),
  languages: z
    .array(SessionLanguage)
    .max(MAX_LANGUAGES, { message: say('languages_too_many', { max: MAX_LANGUAGES }) })
    .overwrite((list) => [...new Set(list)])
    .optional()
    .meta({ description: 'Languages you hold sessions in, ISO 639-1 codes, e.g. ["en", "de"].' }),
  directoryListed: z.boolean().optional().meta({
    description: 'false: never listed in the public directory. true (the default): listed while your email is verified and you offer at least one service.',
  }),
};

export const DirectorySort = z.enum(['relevance', 'rating', 'price', 'next_open']);

export const DirectoryQuery = z
  .strictObject({
    q: z
      .string()
      .trim()
      .max(MAX_DIRECTORY_QUERY, { message: say('directory_query_too_long', { max: MAX_DIRECTORY_QUERY }) })
      .optional()
      .meta({ description: 'Words to find in the name, headline, bio, categories and service names; the last word also matches as a prefix. Plain words: quotes, `*` or `NEAR` are no search syntax.' }),
    category: Category.optional(),
    language: SessionLanguage.optional(),
    currency: Currency.optional().meta({ description: 'Only specialists whose lowest price is in this currency.' }),
    price_max: z.coerce
      .number<number>({ message: say('directory_price_max') })
      .int({ message: say('directory_price_max') })
      .nonnegative({ message: say('directory_price_max') })
      .max(100_000_000, { message: say('directory_price_max') })
      .optional()
      .meta({ description: 'Only specialists with a session at this price or less, in minor units of `currency` (required with it).' }),
    available_within_days: z.coerce
      .number<number>({ message: say('directory_within_days', { max: DIRECTORY_HORIZON_DAYS }) })
      .int({ message: say('directory_within_days', { max: DIRECTORY_HORIZON_DAYS }) })
      .min(1, { message: say('directory_within_days', { max: DIRECTORY_HORIZON_DAYS }) })
      .max(DIRECTORY_HORIZON_DAYS, { message: say('directory_within_days', { max: DIRECTORY_HORIZON_DAYS }) })
      .optional()
      .meta({ description: `Only specialists with an open time within this many days (1–${DIRECTORY_HORIZON_DAYS}), checked with the slot engine.` }),
    sort: DirectorySort.optional().meta({
      description: '`relevance` (the default: best match first with `q`, else as `rating`), `rating` (highest average first, unrated last), `price` (lowest first; pass `currency` to compare like with like), `next_open` (soonest first).',
    }),
    cursor: z.string().min(1).max(200).optional().meta({ description: 'The `nextCursor` of the previous page (opaque).' }),
    limit: z.coerce.number<number>().int().min(1).max(MAX_DIRECTORY_PAGE).default(20),
  })
  .refine((query) => query.price_max === undefined || query.currency !== undefined, { message: say('directory_price_currency'), path: ['currency'] });

/** One specialist as the directory shows them: public fields only. */
export const DirectoryEntry = z
  .strictObject({
    handle: Handle,
    name: z.string(),
    headline: z.string(),
    photoUrl: z.string().nullable(),
    timeZone: TimeZone,
    categories: z.array(z.string()),
    languages: z.array(z.string()),
    rating: Rating,
    priceFrom: z
      .strictObject({ amount: MinorAmount, currency: Currency })
      .meta({ description: 'The cheapest duration of their services (0: a free session).' }),
    nextOpen: z
      .strictObject({ start: Instant, service: z.string().meta({ description: 'The service id of that time.' }) })
      .nullable()
      .meta({ description: `Their first open time within ${DIRECTORY_HORIZON_DAYS} days, checked with the slot engine for this answer; null: none.` }),
  })
  .meta({ id: 'DirectoryEntry' });

export const DirectoryPage = z
  .strictObject({
    data: z.array(DirectoryEntry),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` (with the same filters) for the next page; null on the last page.' }),
  })
  .meta({ id: 'DirectoryPage' });

export type DirectoryQuery = z.input<typeof DirectoryQuery>;
export type DirectorySort = z.infer<typeof DirectorySort>;
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;
export type DirectoryPage = z.infer<typeof DirectoryPage>;
