import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errors, twilioError, type TwilioError } from './errors.js';
import { isE164, messageSid, rfc2822, segmentsOf, type MessageResource } from './messages.js';

export interface FakeTwilioOptions {
  /** @default a random `AC…` */
  accountSid?: string;
  /** @default a random 32-hex-digit token */
  authToken?: string;
  /** Senders the account owns: phone numbers (E.164) or alphanumeric sender ids. @default one random US number */
  senders?: string[];
  /** Messaging Services the account has (`MG…`). @default none */
  messagingServices?: string[];
  /** Epoch ms for `date_created`. @default Date.now */
  clock?: () => number;
}

/** A request as it arrived: method, path, the parsed form or query, and the headers (lower-cased). */
export interface TwilioRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  headers: Record<string, string>;
  status: number;
}

/** A failure the test plans for coming requests to the Messages resource. */
export interface PlannedFailure {
  status: number;
  code?: number;
  message?: string;
}

const HOST = '127.0.0.1';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A fake of Twilio's Messages API on 127.0.0.1 (a random port), faithful on the wire for what
 * Slotwise uses: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` with form-encoded `To`,
 * `From` (or `MessagingServiceSid`) and `Body`, HTTP Basic auth `AccountSid:AuthToken`, `201` with
 * the Message resource, Twilio's error bodies (`{ code, message, more_info, status }`) for its
 * refusals, the list (`GET …/Messages.json?To=&From=&PageSize=`, newest first, paged) and the
 * fetch (`GET …/Messages/{Sid}.json`). Twilio takes no idempotency key: a request sent twice
 * sends twice, as the real one does. Controls: fail coming requests, drop an answer after the
 * message was accepted (a lost answer), and opt a number out (as if it replied STOP).
 */
export async function startFakeTwilio(options: FakeTwilioOptions = {}) {
  const clock = options.clock ?? Date.now;
  const accountSid = options.accountSid ?? `AC${randomBytes(16).toString('hex')}`;
  const authToken = options.authToken ?? randomBytes(16).toString('hex');
  const senders = options.senders ?? [`+1555${String(1_000_000 + Math.floor(Math.random() * 8_999_999)).slice(0, 7)}`];
  const services = new Set(options.messagingServices ?? []);
  const messages: MessageResource[] = [];
  const requests: TwilioRequest[] = [];
  const optedOut = new Set<string>();
  const failures: PlannedFailure[] = [];
  let dropAnswers = 0;
  const base = `/2010-04-01/Accounts/${accountSid}`;

  const authorized = (header: string | undefined) => {
    if (!header || !/^basic /i.test(header)) return false;
    const [user, ...rest] = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8').split(':');
    return user === accountSid && rest.join(':') === authToken;
  };

  /** Creates a message from the form, or says why Twilio would not. */
  function create(params: Record<string, string>): TwilioError | MessageResource {
    const { To: to, From: from, MessagingServiceSid: service, Body: body } = params;
    if (!to) return errors.toRequired();
    if (!isE164(to)) return errors.invalidTo(to);
    if (!from && !service) return errors.fromRequired();
    if (service && !services.has(service)) return errors.unknownService(service);
    if (from && !senders.includes(from)) return errors.notYourNumber(from);
    if (from === to) return errors.sameToAndFrom(to);
    if (!body) return errors.bodyRequired();
    if ([...body].length > 1600) return errors.tooLong();
    if (optedOut.has(to)) return errors.unsubscribed();
    const sid = messageSid();
    const now = rfc2822(clock());
    const message: MessageResource = {
      account_sid: accountSid, api_version: '2010-04-01', body, date_created: now, date_sent: null, date_updated: now,
      direction: 'outbound-api', error_code: null, error_message: null, from: from ?? null, messaging_service_sid: service ?? null,
      num_media: '0', num_segments: String(segmentsOf(body)), price: null, price_unit: 'USD', sid,
      // A message through a Messaging Service is `accepted` until a sender is chosen; with a From it is `queued`.
      status: service && !from ? 'accepted' : 'queued',
      subresource_uris: { media: `${base}/Messages/${sid}/Media.json` }, to, uri: `${base}/Messages/${sid}.json`,
    };
    messages.push(message);
    return message;
  }

  /** A page of the list, newest first, filtered by `To` and `From` as Twilio filters them. */
  function list(params: Record<string, string>) {
    const size = Math.min(Math.max(Number.parseInt(params.PageSize ?? '50', 10) || 50, 1), 1000);
    const page = Math.max(Number.parseInt(params.Page ?? '0', 10) || 0, 0);
    const matching = messages.filter((m) => (!params.To || m.to === params.To) && (!params.From || m.from === params.From)).reverse();
    const query = (p: number) => `${base}/Messages.json?${new URLSearchParams({ ...(params.To ? { To: params.To } : {}), ...(params.From ? { From: params.From } : {}), PageSize: String(size), Page: String(p) })}`;
    const slice = matching.slice(page * size, (page + 1) * size);
    return {
      end: page * size + Math.max(slice.length - 1, 0), first_page_uri: query(0), messages: slice,
      next_page_uri: matching.length > (page + 1) * size ? query(page + 1) : null, page, page_size: size,
      previous_page_uri: page > 0 ? query(page - 1) : null, start: page * size, uri: query(page),
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const raw = await readBody(req);
    const method = req.method ?? 'GET';
    const form = /^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '') ? raw : '';
    const params = Object.fromEntries(new URLSearchParams(method === 'POST' ? form : url.search));
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const record: TwilioRequest = { method, path: url.pathname, params, headers, status: 0 };
    requests.push(record);
    const send = (status: number, payload: unknown, extra: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Twilio-Request-Id': `RQ${randomBytes(16).toString('hex')}`, ...extra });
      res.end(JSON.stringify(payload));
    };
    if (!authorized(req.headers.authorization)) return send(401, errors.authenticate(), { 'WWW-Authenticate': 'Basic realm="Twilio API"' });
    const fetched = new RegExp(`^${base}/Messages/(SM[0-9a-f]{32})\\.json$`).exec(url.pathname);
    if (url.pathname !== `${base}/Messages.json` && !fetched) return send(404, errors.notFound(url.pathname));
    if (fetched) {
      if (method !== 'GET') return send(405, errors.methodNotAllowed());
      const found = messages.find((m) => m.sid === fetched[1]);
      return found ? send(200, found) : send(404, errors.notFound(url.pathname));
    }
    if (method === 'GET') return send(200, list(params));
    if (method !== 'POST') return send(405, errors.methodNotAllowed());
    const failure = failures.shift();
    if (failure) {
      const known = failure.status === 429 ? errors.tooManyRequests() : failure.status >= 500 ? errors.internal() : twilioError(failure.status, 20001, 'Planned failure');
      return send(failure.status, twilioError(failure.status, failure.code ?? known.code, failure.message ?? known.message));
    }
    const made = create(params);
    if ('code' in made) return send(made.status, made);
    if (dropAnswers > 0) {
      dropAnswers--;
      record.status = -1;
      res.socket?.destroy(); // accepted, but the answer never arrives
      return;
    }
    send(201, made);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((ready) => server.listen(0, HOST, ready));
  const { port } = server.address() as AddressInfo;

  return {
    /** Where the API is, to pass as the transport's `baseUrl`. */
    baseUrl: `http://${HOST}:${port}`,
    accountSid,
    authToken,
    /** The account's first sender. */
    from: senders[0]!,
    /** Every message accepted, oldest first. */
    messages,
    /** Every request, in order. */
    requests,
    /** The next `count` message creations fail with `failure` (default: 500 Internal Server Error). */
    failNext(count: number, failure: PlannedFailure = { status: 500 }) {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    /** The next message is accepted (and will be sent), but the connection closes before the answer. */
    dropNextAnswer() {
      dropAnswers++;
    },
    /** `number` has replied STOP: Twilio refuses texts to it (21610) until it replies START. */
    optOut(number: string) {
      optedOut.add(number);
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

export type FakeTwilio = Awaited<ReturnType<typeof startFakeTwilio>>;
