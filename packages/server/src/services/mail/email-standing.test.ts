import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveries, specialists } from '../../db/schema.js';
import { composeEmail } from './compose.js';
import { auth, operatorToken } from '../../testing/accounts.js';
import { linksOf, mailTestApp, type MailTestApp } from '../../testing/mail-app.js';

// What a specialist is told when an operator suspends their page or reactivates it: an email to
// their login, over SMTP into the local mailbox, as the page stands when it is sent.

let m: MailTestApp;
let op: Record<string, string>;
let id: string;
beforeEach(async () => {
  m = await mailTestApp();
  op = auth(await operatorToken(m));
  id = (await m.database.db.select({ id: specialists.id }).from(specialists).where(eq(specialists.handle, 'demo')))[0]!.id;
});
afterEach(() => m.closeAll());

const REASON = 'Unpaid invoices; write to billing@slotwise.example.';
const suspend = (reason = REASON) => m.json(`/v1/operator/specialists/${id}/suspend`, { body: { reason }, headers: op });
const reactivate = () => m.json(`/v1/operator/specialists/${id}/reactivate`, { body: {}, headers: op });
const toDemo = () => m.to('demo@slotwise.local');

describe('the specialist hears of their page’s standing', () => {
  it('is emailed a suspension with the operator’s reason and what stays, then the reactivation; each once', async () => {
    expect((await suspend()).status).toBe(200);
    await m.settle();
    const [suspended] = toDemo();
    expect(suspended!.subject).toBe('Your Slotwise page is not taking bookings');
    expect(suspended!.text).toContain('Hello Dr. Ada Demo,');
    expect(suspended!.text).toContain(`Reason: ${REASON}`);
    expect(suspended!.text).toContain('Bookings already made stay as they are');
    expect(linksOf(suspended!)).toContain('https://api.slotwise.test/console');

    // Suspending again with the same reason changes nothing and tells nothing; a new reason is told.
    expect((await suspend()).status).toBe(200);
    await m.settle();
    expect(toDemo()).toHaveLength(1);
    expect((await suspend('Documents missing.')).status).toBe(200);
    await m.settle();
    expect(toDemo().at(-1)!.text).toContain('Reason: Documents missing.');

    expect((await reactivate()).status).toBe(200);
    expect((await reactivate()).status).toBe(200); // already active: nothing new
    await m.settle();
    const subjects = toDemo().map((x) => x.subject);
    expect(subjects).toEqual(['Your Slotwise page is not taking bookings', 'Your Slotwise page is not taking bookings', 'Your Slotwise page takes bookings again']);
    expect(toDemo().at(-1)!.text).toContain('customers can book your sessions and buy your packages again');
  });

  it('in the specialist’s language; a suspension no longer so when its email is due is not told', async () => {
    await m.database.db.update(specialists).set({ locale: 'de' }).where(eq(specialists.id, id));
    expect((await suspend()).status).toBe(200);
    await m.settle();
    expect(toDemo().map((x) => x.subject)).toEqual(['Ihre Slotwise-Seite nimmt keine Buchungen an']);
    expect(toDemo()[0]!.text).toContain(`Grund: ${REASON}`);
    expect((await reactivate()).status).toBe(200);
    await m.settle();
    // Written now, the suspension's email would say what is no longer so: it is skipped.
    const [due] = await m.database.db.select().from(deliveries).where(eq(deliveries.kind, 'account.suspended'));
    expect(await composeEmail(m.app.deps, due!)).toEqual({ skip: 'the page stands otherwise now' });
  });
});
