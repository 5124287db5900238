import type { Strings } from '../locales/index.js';
import type { TemplateOutput } from './types.js';

/** What the email telling a customer of the answer to their review may say, in their language. Values are plain text; the layout escapes them. */
export interface ReviewTemplateInput {
  t: Strings;
  /** The customer's name on the booking. */
  customer: string;
  specialist: string;
  service: string;
  /** The session's date, `Monday, 23 November 2026`, in the customer's zone. */
  when: string;
  rating: number;
  /** What the customer wrote; empty for a rating without words. */
  text: string;
  /** The specialist's answer. */
  answer: string;
  /** The booking page (the widget's manage view), where the review and its answer show. */
  url: string | undefined;
}

/** The specialist answered the customer's review: the answer, the review it answers, where both show. */
export function customerReviewAnswered({ t, customer, specialist, service, when, rating, text, answer, url }: ReviewTemplateInput): TemplateOutput {
  const s = t.customerReviewAnswered;
  return {
    subject: s.subject(specialist),
    heading: s.heading,
    paragraphs: [t.common.greeting(customer), s.intro(specialist, service, when), s.answer(specialist), answer, s.public],
    details: [[s.yourReview, text ? `${s.rating(rating)}\n${text}` : s.rating(rating)]],
    actions: url ? [{ label: s.action, url }] : [],
  };
}
