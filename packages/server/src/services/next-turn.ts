/**
 * Resolves after the current turn of the event loop, once timers and I/O have had their go:
 * `setImmediate` where it exists (Node), `setTimeout(0)` elsewhere — Workers without
 * `nodejs_compat` have no `setImmediate`, and calling it there throws.
 */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
