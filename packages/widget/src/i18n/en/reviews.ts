/** English strings of reviews: the rating and latest reviews on the booking widget, and the manage view's review form. */
export const reviews = {
  reviewsTitle: 'Reviews',
  ratingSummary: (average: string, count: number) => `${average} out of 5 · ${count === 1 ? '1 review' : `${count} reviews`}`,
  starsLabel: (n: number) => `${n} out of 5`,
  responseFrom: (name: string) => `Response from ${name}:`,
  reviewFormTitle: 'Review your session',
  ratingLegend: 'Your rating',
  ratingOption: (n: number) => (n === 1 ? '1 star' : `${n} stars`),
  reviewTextLabel: 'Your review (optional)',
  reviewTextHint: 'Shown on the specialist’s page with your first name and initial.',
  sendReview: 'Send review',
  sendingReview: 'Sending…',
  chooseRating: 'Choose a rating from 1 to 5.',
  reviewThanks: 'Thank you for your review.',
  yourReview: 'Your review',
};
