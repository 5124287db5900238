/**
 * A response body made from text chunks produced on demand: the next chunk is produced only when
 * the client has taken the previous one (`pull`), so a slow download holds one page in memory,
 * not the whole file. The first chunk is produced before the answer starts, so a failure there
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
