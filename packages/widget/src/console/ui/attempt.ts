import type { ConsoleSession } from '../context.js';
import { describeError } from '../../internal/errors.js';

/**
 * Runs one change on the server and says what happened: on success `said` is announced (only
 * after the server answered) and the answer is '', else the error's sentence for a `role="alert"`.
 */
export async function attempt(session: ConsoleSession | undefined, action: () => Promise<unknown>, said: string): Promise<string> {
  try {
    await action();
    session?.announce(said);
    return '';
  } catch (error) {
    return describeError(error).message;
  }
}
