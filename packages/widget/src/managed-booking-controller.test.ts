import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SlotwiseClient } from '@slotwise/sdk';
import type { Booking } from '@slotwise/sdk/contract';
import { ManagedBookingController } from './managed-booking-controller.js';

function fakeHost() {
  const host = { controllers: [] as ReactiveController[] };
  return Object.assign(host, {
    addController: (c: ReactiveController) => host.controllers.push(c),
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  }) as typeof host & ReactiveControllerHost;
}

/** A client whose booking reads the test answers by hand. */
function fakeClient() {
  const calls: { signal: AbortSignal; answer: (b: Booking) => void; fail: (e: unknown) => void }[] = [];
  const client = {
    bookings: {
      retrieve: (_id: string, opts: { signal: AbortSignal }) => new Promise<Booking>((answer, fail) => calls.push({ signal: opts.signal, answer, fail })),
    },
  } as unknown as SlotwiseClient;
  return { client, calls };
}

const booking = (status: Booking['status'], url: string | null = null) => ({ id: 'bk_1', status, join: { url } }) as Booking;

describe('ManagedBookingController.refresh', () => {
  async function loaded() {
    const { client, calls } = fakeClient();
    const controller = new ManagedBookingController(fakeHost());
    const load = controller.load({ client, id: 'bk_1', manageToken: 'bmt_1' });
    calls[0]!.answer(booking('confirmed'));
    await load;
    return { controller, calls };
  }

  it('keeps the booking on screen while it reads it again, then shows the answer', async () => {
    const { controller, calls } = await loaded();
    const refreshed = controller.refresh();
    expect(controller.status).to.equal('ready');
    expect(controller.value!.join.url).to.equal(null);
    calls[1]!.answer(booking('confirmed', 'https://meet.jit.si/room'));
    expect(await refreshed).to.equal(undefined);
    expect(controller.value!.join.url).to.equal('https://meet.jit.si/room');
  });

  it('never lets a read sent before a change undo the change’s answer', async () => {
    const { controller, calls } = await loaded();
    const refreshed = controller.refresh();
    controller.replace(booking('cancelled'));
    calls[1]!.answer(booking('confirmed', 'https://meet.jit.si/room'));
    await refreshed;
    expect(controller.value!.status).to.equal('cancelled');
  });

  it('leaves the booking as it was when the read fails, and says why', async () => {
    const { controller, calls } = await loaded();
    const refreshed = controller.refresh();
    calls[1]!.fail(new Error('offline'));
    expect(await refreshed).to.include({ code: 'unexpected_error', message: 'offline' });
    expect(controller.status).to.equal('ready');
    expect(controller.value!.status).to.equal('confirmed');
  });

  it('stops reading when its host leaves the page', async () => {
    const { controller, calls } = await loaded();
    const refreshed = controller.refresh();
    (controller as ReactiveController).hostDisconnected!();
    expect(calls[1]!.signal.aborted).to.equal(true);
    calls[1]!.fail(new DOMException('aborted', 'AbortError'));
    expect(await refreshed).to.equal(undefined);
  });
});
