import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  /** As Node gives them: lower-cased names (what `standardwebhooks`' `verify` wants). */
  headers: Record<string, string>;
  /** The raw body, exactly as it arrived. */
  body: string;
  path: string;
}

/**
 * A real HTTP server on 127.0.0.1 that receives webhooks: it keeps every request and answers the
 * statuses queued with `answer(...)` in turn, then `status` (200 by default).
 */
export async function webhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const queued: number[] = [];
  let fallback = 200;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      received.push({ headers, body: Buffer.concat(chunks).toString('utf8'), path: req.url ?? '/' });
      res.writeHead(queued.shift() ?? fallback, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    /** The statuses of the next answers, in order. */
    answer: (...statuses: number[]) => void queued.push(...statuses),
    /** What every answer after the queued ones is. */
    setStatus: (status: number) => {
      fallback = status;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof webhookReceiver>>;
