/** Problem codes of reviews. */
export const reviewProblemCodes = {
  review_not_found: { status: 404, title: 'Review not found' },
  review_not_allowed: { status: 409, title: 'Only a completed session can be reviewed' },
  already_reviewed: { status: 409, title: 'This booking was reviewed already' },
  review_already_answered: { status: 409, title: 'This review has a response already' },
  review_already_hidden: { status: 409, title: 'This review is hidden already' },
  review_not_hidden: { status: 409, title: 'This review is not hidden' },
} as const satisfies Record<string, { status: number; title: string }>;
