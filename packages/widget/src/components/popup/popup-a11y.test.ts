import { expect } from '@open-wc/testing';
import { installEmbed } from '../../embed/install.js';
import { closePopup } from '../../embed/open.js';
import { setColorScheme, setViewport } from '../../testing/keyboard.js';
import { bookingSteps, walkBooking, walkPractice } from '../../testing/walk.js';
import { errorSteps, walkErrors } from '../../testing/walk-errors.js';
import { modes } from '../../testing/walk-modes.js';
import '../button/button.js';

// The shared walk (src/testing/walk.ts) inside the popup's dialog: opened by `Slotwise.open`, by a
// `<slotwise-button>` on a 390 px phone screen, and by the floating button in the dark theme.
// Keyboard only, axe at every step; each walk books with a specialist of its own on the console API.

installEmbed();

afterEach(async () => {
  await closePopup();
  await setViewport({ width: 1280, height: 800 });
  await setColorScheme('light');
});

describe('the popup, by keyboard, axe-clean at every step', () => {
  it(`${modes.scripted.name}: books, pays, moves and cancels`, async function () {
    this.timeout(90_000);
    expect(await walkBooking(modes.scripted, await walkPractice())).to.deep.equal([...bookingSteps]);
  });

  it(`${modes.button.name} at 390 px: books, pays, moves and cancels`, async function () {
    this.timeout(90_000);
    await setViewport({ width: 390, height: 844 });
    expect(await walkBooking(modes.button, await walkPractice())).to.deep.equal([...bookingSteps]);
    expect(document.documentElement.scrollWidth, 'nothing wider than the phone').to.be.at.most(390);
  });

  it(`${modes.floating.name} in dark colours: books, pays, moves and cancels`, async function () {
    this.timeout(90_000);
    await setColorScheme('dark');
    expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
    expect(await walkBooking(modes.floating, await walkPractice())).to.deep.equal([...bookingSteps]);
  });

  for (const mode of [modes.scripted, modes.floating]) {
    it(`${mode.name}: an API that does not answer, and a site the specialist did not allow`, async function () {
      this.timeout(30_000);
      expect(await walkErrors(mode)).to.deep.equal([...errorSteps]);
    });
  }
});
