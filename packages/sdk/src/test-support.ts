import { SlotwiseError } from './errors.js';

/** The SlotwiseError `promise` rejects with; fails the test if it resolves or rejects otherwise. */
export async function failure(promise: Promise<unknown>): Promise<SlotwiseError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SlotwiseError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
