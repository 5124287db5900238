import { expect } from '@open-wc/testing';
import { bookingSteps, walkBooking, walkPractice } from '../../testing/walk.js';
import { errorSteps, walkErrors, walkOfflineSubmit } from '../../testing/walk-errors.js';
import { modes } from '../../testing/walk-modes.js';

// The shared walk (src/testing/walk.ts) in the inline modes: by keyboard, axe at every step. Each
// walk books with a specialist of its own on the console API, so no other test's times are touched.

describe('<slotwise-booking> inline, by keyboard, axe-clean at every step', () => {
  for (const mode of [modes.inline, modes.rtl]) {
    it(`${mode.name}: services → calendar → times → details → payment → confirmation → manage → change time → cancel`, async function () {
      this.timeout(90_000);
      expect(await walkBooking(mode, await walkPractice())).to.deep.equal([...bookingSteps]);
    });

    it(`${mode.name}: an API that does not answer, and a site the specialist did not allow`, async function () {
      this.timeout(30_000);
      expect(await walkErrors(mode)).to.deep.equal([...errorSteps]);
    });

    it(`${mode.name}: the connection drops as the visitor books, then books once when it is back`, async function () {
      this.timeout(30_000);
      expect(await walkOfflineSubmit(mode)).to.deep.equal(['network error while booking']);
    });
  }
});
