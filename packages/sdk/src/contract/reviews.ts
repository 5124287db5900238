import { z } from 'zod';
import { Instant } from './common.js';

/** The longest review text, in characters (after trimming). */
export const MAX_REVIEW_TEXT = 2000;
/** The longest response and hiding reason, in characters. */
export const MAX_REVIEW_RESPONSE = 2000;
/** The most reviews one page answers. */
export const MAX_REVIEW_PAGE = 50;

export const ReviewCreate = z
  .strictObject({
    rating: z.number().int().min(1).max(5).meta({ description: '1 (poor) to 5 (excellent).' }),
    text: z.string().trim().max(MAX_REVIEW_TEXT).default('').meta({ description: `What the session was like, at most ${MAX_REVIEW_TEXT} characters (trimmed). Plain text: shown as text, never as HTML.` }),
  })
  .meta({ id: 'ReviewCreate' });

export const ReviewResponse = z.strictObject({
  text: z.string(),
  createdAt: Instant,
});

/** A review as everyone may see it: no email, the reviewer as first name and initial. */
export const Review = z
  .strictObject({
    id: z.string().meta({ example: 'rv_4kq0m3x9c2' }),
    rating: z.number().int().min(1).max(5),
    text: z.string().meta({ description: 'Plain text as the customer wrote it: render it as text, never as HTML.' }),
    reviewer: z.string().meta({ description: 'First name and initial of the last name (`Grace H.`).', example: 'Grace H.' }),
    service: z.string().meta({ description: 'The name of the service reviewed.' }),
    createdAt: Instant,
    response: ReviewResponse.nullable().meta({ description: "The specialist's public answer, once given." }),
  })
  .meta({ id: 'Review' });

/** A review as its specialist and the operator see it: with its booking and whether it is hidden, and why. */
export const ReviewDetail = Review.extend({
  bookingId: z.string(),
  hidden: z
    .strictObject({ at: Instant, reason: z.string() })
    .nullable()
    .meta({ description: 'Set when an operator hid it: not shown publicly, not counted in the rating, kept.' }),
}).meta({ id: 'ReviewDetail' });

export const ReviewList = z
  .strictObject({
    data: z.array(Review),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next (older) page; null on the last page.' }),
  })
  .meta({ id: 'ReviewList', description: 'Newest first.' });

export const ReviewDetailList = z
  .strictObject({ data: z.array(ReviewDetail), nextCursor: z.string().nullable() })
  .meta({ id: 'ReviewDetailList', description: 'Newest first, hidden ones included.' });

export const ReviewListQuery = z.strictObject({
  cursor: z.string().min(1).max(200).optional().meta({ description: 'The `nextCursor` of the previous page (opaque).' }),
  limit: z.coerce.number<number>().int().min(1).max(MAX_REVIEW_PAGE).default(10),
});

export const ReviewAnswer = z
  .strictObject({ text: z.string().trim().min(1).max(MAX_REVIEW_RESPONSE).meta({ description: 'The public answer, plain text.' }) })
  .meta({ id: 'ReviewAnswer' });

export const ReviewHide = z
  .strictObject({ reason: z.string().trim().min(1).max(500).meta({ description: 'Why, for the audit; never shown publicly.' }) })
  .meta({ id: 'ReviewHide' });

/** A specialist's rating on their profile: visible reviews only. */
export const Rating = z
  .strictObject({
    average: z.number().nullable().meta({ description: 'To one decimal; null while there are no (visible) reviews.', example: 4.7 }),
    count: z.number().int(),
  })
  .meta({ id: 'Rating' });

export type ReviewCreate = z.input<typeof ReviewCreate>;
export type Review = z.infer<typeof Review>;
export type ReviewDetail = z.infer<typeof ReviewDetail>;
export type ReviewList = z.infer<typeof ReviewList>;
export type ReviewDetailList = z.infer<typeof ReviewDetailList>;
export type ReviewListQuery = z.input<typeof ReviewListQuery>;
export type ReviewAnswer = z.infer<typeof ReviewAnswer>;
export type ReviewHide = z.infer<typeof ReviewHide>;
export type Rating = z.infer<typeof Rating>;
