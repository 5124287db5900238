/**
 * What a `Database` throws for work its engine cannot do atomically — today `write()` on D1, which
 * has no interactive transaction: running the callback's statements one by one would leave half a
 * change behind on a failure, so it is refused before anything runs. Nothing is written.
 *
 * The HTTP layer answers it as the contract's `501 not_supported_here` problem; the message (for
 * the log, in English) names the engine and what is missing. A change that meets it needs its
 * guarded-batch form (`db/batch.ts`); docs/edge.md lists those still to convert.
 */
export class NotSupportedHere extends Error {
  readonly engine: string;

  constructor(engine: string, what: string) {
    super(`${engine} cannot run ${what}: this change still needs its guarded-batch form (docs/edge.md, "What remains").`);
    this.name = 'NotSupportedHere';
    this.engine = engine;
  }
}

/** Whether `error`, or anything in its `cause` chain, is a `NotSupportedHere`. */
export function isNotSupportedHere(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) if (e instanceof NotSupportedHere) return true;
  return false;
}
