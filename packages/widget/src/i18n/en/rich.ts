/**
 * Text with marked-up values in it ("Amount to pay: **€90.00**"): a catalog function takes the
 * values as they are (a `<strong>`, a `<time>`, a link…) and answers the sentence as parts, in
 * its own language's order; Lit renders the array. The catalog never sees markup, the caller
 * never sees word order.
 */
export type Rich<T> = (string | T)[];
