import { nextTurn } from '../services/next-turn.js';

/*
 * Between chunks, `nextTurn` lets timers and I/O run. The embedded libSQL driver answers synchronously
 * (its promises settle as microtasks), so without this a fast reader — `app.request`, a socket
 * that never pushes back — would produce the whole file in one turn of the event loop, and every
 * other request would wait for it (measured: 50 s for 100,000 bookings). With it, the longest
 * wait is one page's work.
 */

/**
 * A response body made from text chunks produced on demand: the next chunk is produced only when
 * the client has taken the previous one (`pull`), after a turn of the event loop, so a slow
 * download holds one page in memory, not the whole file, and a fast one never holds the server. The first chunk is produced before the answer starts, so a failure there
 * is still a problem document; a failure later can only end the download early — it is logged
 * and the body errors (the client sees an incomplete transfer, never a file that looks whole).
 */
export async function streamedBody(chunks: AsyncGenerator<string>, onError: (error: unknown) => void): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const first = await chunks.next();
  let pending: IteratorResult<string> | undefined = first;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!pending) await nextTurn();
        const next = pending ?? (await chunks.next());
        pending = undefined;
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        onError(error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
