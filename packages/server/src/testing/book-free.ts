/**
 * Books the `nth` open time (from tomorrow, UTC) of the demo's free session over HTTP, as a visitor
 * would: the profile, the slots, then `POST /v1/bookings`. Resolves with the answer's status and
 * JSON. For tests of a running server (`node dist/main.js`, `startServer`).
 */
export async function bookDemoFree(url: string, email: string, nth = 0): Promise<{ status: number; body: Record<string, unknown> }> {
  const profile = (await (await fetch(`${url}/v1/specialists/demo`)).json()) as { services: { id: string; durations: { price: number }[] }[] };
  const free = profile.services.find((s) => s.durations.every((d) => d.price === 0));
  if (!free) throw new Error('The demo specialist has no free service.');
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const slots = (await (await fetch(`${url}/v1/specialists/demo/slots?service=${free.id}&from=${day(1)}&to=${day(15)}&timezone=UTC`)).json()) as { days: { slots: { start: string }[] }[] };
  const start = slots.days.flatMap((d) => d.slots)[nth]?.start;
  if (!start) throw new Error(`The demo's free session has fewer than ${nth + 1} open times in the next two weeks.`);
  const res = await fetch(`${url}/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ specialist: 'demo', service: free.id, start, customer: { name: 'Ada', email, timeZone: 'UTC' } }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
