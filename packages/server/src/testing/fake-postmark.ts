import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message Postmark accepted, as its JSON arrived. */
export interface PostmarkReceived {
  MessageID: string;
  From: string;
  To: string;
  ReplyTo?: string;
  Subject?: string;
  HtmlBody?: string;
  TextBody?: string;
  Headers?: { Name: string; Value: string }[];
  Attachments?: { Name: string; Content: string; ContentType: string; ContentID?: string }[];
  MessageStream?: string;
}

export interface FakePostmarkOptions {
  /** The server token it accepts. @default a random one (read `fake.serverToken`) */
  serverToken?: string;
  /** Message streams that exist. @default ['outbound'] */
  streams?: string[];
}

/** Extensions Postmark refuses as attachments (a few of its documented list). */
const FORBIDDEN = /\.(exe|bat|cmd|com|vbs|js|jar|scr|msi)$/i;
const ADDRESS = /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/;
/** `Name <a@b.c>` or `a@b.c`, comma-separated: the bare addresses. */
const recipients = (field: string) => field.split(',').map((part) => (/<([^>]+)>/.exec(part)?.[1] ?? part).trim()).filter(Boolean);

/**
 * A fake of Postmark's Email API on 127.0.0.1, faithful on the wire for what Slotwise uses:
 * `POST /email` with JSON and `X-Postmark-Server-Token`; `200 { To, SubmittedAt, MessageID,
 * ErrorCode: 0, Message: "OK" }`; errors as Postmark sends them — `401 { ErrorCode: 10 }` for a
 * bad token, `422` with `ErrorCode` 300 (invalid request: no or malformed recipient, no body),
 * 402 (invalid JSON), 406 (inactive recipient), 411 (forbidden attachment), 1235 (unknown
 * stream), `429`, `500`, `503`. Controls play Postmark having a bad day.
 */
export async function startFakePostmark(options: FakePostmarkOptions = {}) {
  const serverToken = options.serverToken ?? `pm-${randomUUID()}`;
  const streams = new Set(options.streams ?? ['outbound']);
  const received: PostmarkReceived[] = [];
  const inactive = new Set<string>();
  const failures: { status: number; body: { ErrorCode: number; Message: string } }[] = [];
  let hanging = false;
  const hung: ServerResponse[] = [];
  let requests = 0;

  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  };
  const refuse = (res: ServerResponse, status: number, ErrorCode: number, Message: string) => answer(res, status, { ErrorCode, Message });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    requests++;
    if (req.method !== 'POST' || req.url !== '/email') return refuse(res, 404, 404, 'Entity does not exist.');
    if (req.headers['x-postmark-server-token'] !== serverToken) {
      return refuse(res, 401, 10, 'Request does not contain a valid Server token.');
    }
    if (hanging) return void hung.push(res); // never answers: the client's timeout must end it
    const failure = failures.shift();
    if (failure) return answer(res, failure.status, failure.body);
    if (!String(req.headers['content-type'] ?? '').includes('application/json')) return refuse(res, 422, 409, 'JSON required.');
    let message: PostmarkReceived;
    try {
      message = JSON.parse(Buffer.concat(chunks).toString('utf8')) as PostmarkReceived;
    } catch {
      return refuse(res, 422, 402, 'Invalid JSON.');
    }
    const to = recipients(String(message.To ?? ''));
    if (to.length === 0) return refuse(res, 422, 300, 'Zero recipients specified');
    if (!to.every((a) => ADDRESS.test(a)) || !ADDRESS.test(recipients(String(message.From ?? ''))[0] ?? '')) {
      return refuse(res, 422, 300, `Error parsing 'To': Illegal email address '${to.find((a) => !ADDRESS.test(a)) ?? message.From}'.`);
    }
    if (!message.TextBody && !message.HtmlBody) return refuse(res, 422, 300, 'Provide either email TextBody or HtmlBody or both.');
    if (!streams.has(message.MessageStream ?? 'outbound')) return refuse(res, 422, 1235, `The message stream for the provided 'ID' was not found.`);
    const bad = (message.Attachments ?? []).find((a) => FORBIDDEN.test(a.Name));
    if (bad) return refuse(res, 422, 411, `Attachment type not allowed: ${bad.Name}`);
    const gone = to.filter((a) => inactive.has(a.toLowerCase()));
    if (gone.length > 0) {
      return refuse(res, 422, 406, `You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: ${gone.join(', ')}. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression.`);
    }
    const accepted = { ...message, MessageID: randomUUID() };
    received.push(accepted);
    answer(res, 200, { To: message.To, SubmittedAt: new Date().toISOString(), MessageID: accepted.MessageID, ErrorCode: 0, Message: 'OK' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => refuse(res, 500, 0, 'Internal server error'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    serverToken,
    /** Messages accepted, oldest first. */
    received: () => [...received],
    /** HTTP requests seen, accepted or not. */
    requests: () => requests,
    /** Marks an address inactive (hard bounce): sending to it answers 422 ErrorCode 406. */
    deactivate: (address: string) => void inactive.add(address.toLowerCase()),
    /** The next requests answer this status (`429`, `500`, `503`), in order. */
    failNext(status: 429 | 500 | 503, times = 1) {
      const body = status === 429 ? { ErrorCode: 429, Message: 'Rate limit exceeded.' } : status === 503 ? { ErrorCode: 0, Message: 'Service unavailable.' } : { ErrorCode: 0, Message: 'Internal server error.' };
      for (let i = 0; i < times; i++) failures.push({ status, body });
    },
    /** While on, requests are taken and never answered. */
    hang(on = true) {
      hanging = on;
      if (!on) for (const res of hung.splice(0)) res.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hung.splice(0)) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakePostmark = Awaited<ReturnType<typeof startFakePostmark>>;
