import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SlotwiseClient } from '@slotwise/sdk';
import { SlotwiseError } from '@slotwise/sdk';
import type { Slots, SlotsQuery } from '@slotwise/sdk/contract';
import { SlotsController, type SlotsRequest } from './slots-controller.js';

/** A host that only counts update requests. */
function fakeHost() {
  const host = { updates: 0, controllers: [] as ReactiveController[] };
  return Object.assign(host, {
    addController: (c: ReactiveController) => host.controllers.push(c),
    removeController: () => {},
    requestUpdate: () => (host.updates += 1),
    updateComplete: Promise.resolve(true),
  }) as typeof host & ReactiveControllerHost;
}

/** A client whose slot answers the test releases by hand, recording each request's signal. */
function fakeClient() {
  const calls: { query: SlotsQuery; signal: AbortSignal; answer: (slots: Slots) => void; fail: (e: unknown) => void }[] = [];
  const client = {
    specialists: {
      slots: (_handle: string, query: SlotsQuery, opts?: { signal?: AbortSignal }) =>
        new Promise<Slots>((answer, fail) => calls.push({ query, signal: opts!.signal!, answer, fail })),
    },
  } as unknown as SlotwiseClient;
  return { client, calls };
}

const slotsFor = (date: string): Slots => ({
  service: 'svc_1', duration: 30, timeZone: 'UTC', from: date, to: date,
  days: [{ date, slots: [{ start: `${date}T09:00:00Z`, end: `${date}T09:30:00Z` }] }],
});

describe('SlotsController', () => {
  const base = (client: SlotwiseClient, from: string): SlotsRequest =>
    ({ client, specialist: 'demo', service: 'svc_1', from, to: from, timeZone: 'UTC' });

  it('keeps only the latest answer: a slow reply for a month already left is dropped', async () => {
    const { client, calls } = fakeClient();
    const slots = new SlotsController(fakeHost());
    const november = slots.load(base(client, '2026-11-23'));
    const december = slots.load(base(client, '2026-12-01'));
    expect(calls[0]!.signal.aborted).to.equal(true);
    calls[1]!.answer(slotsFor('2026-12-01'));
    await december;
    // The aborted request still answers (a client may ignore the signal): it must not win.
    calls[0]!.answer(slotsFor('2026-11-23'));
    expect(await november).to.equal(undefined);
    expect(slots.status).to.equal('ready');
    expect(slots.dates).to.deep.equal(['2026-12-01']);
    expect(slots.slotsOn('2026-12-01')).to.have.length(1);
  });

  it('reports a failure of the current request, but not of an aborted one', async () => {
    const { client, calls } = fakeClient();
    const slots = new SlotsController(fakeHost());
    const first = slots.load(base(client, '2026-11-23'));
    const second = slots.load(base(client, '2026-11-24'));
    calls[0]!.fail(new Error('aborted'));
    await first;
    expect(slots.status).to.equal('loading');
    const problem = { type: 'about:blank', title: 'Nope', status: 404, code: 'service_not_found', detail: 'No such service.' };
    calls[1]!.fail(new SlotwiseError(problem));
    await second;
    expect(slots.status).to.equal('error');
    expect(slots.error).to.include({ code: 'service_not_found', message: 'No such service.' });
  });

  it('aborts when its host leaves the page, and reloads the same request on demand', async () => {
    const { client, calls } = fakeClient();
    const host = fakeHost();
    const slots = new SlotsController(host);
    void slots.load(base(client, '2026-11-23'));
    host.controllers[0]!.hostDisconnected!();
    expect(calls[0]!.signal.aborted).to.equal(true);
    const again = slots.reload();
    expect(calls[1]!.query).to.include({ from: '2026-11-23', timezone: 'UTC', service: 'svc_1' });
    calls[1]!.answer(slotsFor('2026-11-23'));
    expect(await again).to.deep.equal(slotsFor('2026-11-23'));
  });

  it('takes a booked time off the times shown at once, while the reload is on its way', async () => {
    const { client, calls } = fakeClient();
    const slots = new SlotsController(fakeHost());
    const loaded = slots.load(base(client, '2026-03-02'));
    calls[0]!.answer({
      ...slotsFor('2026-03-02'),
      days: [
        { date: '2026-03-02', slots: [{ start: '2026-03-02T09:00:00Z', end: '2026-03-02T09:30:00Z' }, { start: '2026-03-02T10:00:00Z', end: '2026-03-02T10:30:00Z' }] },
        { date: '2026-03-03', slots: [{ start: '2026-03-03T09:00:00Z', end: '2026-03-03T09:30:00Z' }] },
      ],
    });
    await loaded;
    void slots.reload();
    slots.drop('2026-03-02T10:00:00.000Z');
    slots.drop('2026-03-03T09:00:00Z');
    expect(slots.status).to.equal('loading');
    expect(slots.slotsOn('2026-03-02').map((s) => s.start)).to.deep.equal(['2026-03-02T09:00:00Z']);
    expect(slots.dates).to.deep.equal(['2026-03-02']);
  });
});
