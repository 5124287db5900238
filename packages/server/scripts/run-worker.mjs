// Runs a built Worker (`dist-edge/worker.js`) in this Node process with Node's own globals hidden
// from it — `process`, `Buffer`, `setImmediate`, `clearImmediate`, `global` read as undefined from
// the Worker's code — so it meets roughly what workerd offers without `nodejs_compat`. Not workerd:
// it catches a Node global used at load or on a request's path; workerd itself is issue 12's next step.
//
//   node scripts/run-worker.mjs <worker.js> '<spec JSON>'
//   spec: { bindings: {…}, assets?: { "/widget/slotwise.js": "text" },
//           requests: [{ url, method?, headers?, body? }], scheduled?: true }
// The last stdout line is `RESULT ` + JSON: { responses: [{ status, headers, body }], scheduled?,
// errors, probed (the hidden globals the Worker looked at, e.g. behind a `typeof` check) }.
// `body` is text, or base64 when the response is encoded (`content-encoding`).
const write = process.stdout.write.bind(process.stdout);
const [file, specText] = process.argv.slice(2);
const spec = JSON.parse(specText ?? '{}');
const workerUrl = new URL(file, `file://${process.cwd()}/`).href;

// Node's own web platform (fetch, Response …) uses these globals itself, so they cannot simply be
// deleted: each becomes a getter that answers `undefined` when the code asking is the Worker's —
// as workerd without `nodejs_compat` would — and the real value to Node's internals.
const probed = new Set();
for (const name of ['process', 'Buffer', 'setImmediate', 'clearImmediate', 'global']) {
  const real = globalThis[name];
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() {
      const caller = new Error().stack?.split('\n')[2] ?? '';
      if (!caller.includes(workerUrl)) return real;
      probed.add(name);
      return undefined;
    },
  });
}

const errors = [];
const waits = [];
const ctx = { waitUntil: (promise) => waits.push(Promise.resolve(promise).catch((error) => errors.push(String(error?.stack ?? error)))), passThroughOnException() {} };
const assets = spec.assets ?? {};
const bindings = {
  ...spec.bindings,
  ...(spec.assets ? { ASSETS: { fetch: async (request) => (new URL(request.url).pathname in assets ? new Response(assets[new URL(request.url).pathname]) : new Response('not found', { status: 404 })) } } : {}),
};

const toBase64 = (bytes) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
const result = { responses: [], errors, probed: [] };
try {
  const { default: worker } = await import(workerUrl);
  for (const r of spec.requests ?? []) {
    const response = await worker.fetch(new Request(r.url, { method: r.method ?? 'GET', headers: r.headers ?? {}, ...(r.body === undefined ? {} : { body: r.body }) }), bindings, ctx);
    const bytes = new Uint8Array(await response.arrayBuffer());
    result.responses.push({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: response.headers.get('content-encoding') ? toBase64(bytes) : new TextDecoder().decode(bytes),
    });
  }
  if (spec.scheduled) {
    await worker.scheduled({ scheduledTime: Date.now(), cron: '* * * * *' }, bindings, ctx);
    result.scheduled = true;
  }
  await Promise.all(waits);
} catch (error) {
  errors.push(String(error?.stack ?? error));
}
result.probed = [...probed];
write(`RESULT ${JSON.stringify(result)}\n`);
