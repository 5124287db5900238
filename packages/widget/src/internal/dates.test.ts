import { expect } from '@open-wc/testing';
import { addDays, addMonths, isoWeekday, lastDayOf, monthGrid, monthWindow, todayIn } from './dates.js';

describe('calendar dates', () => {
  it("reads today from the visitor's zone, not the machine's", () => {
    const now = new Date('2026-11-21T20:30:00Z');
    expect(todayIn('Asia/Kathmandu', now)).to.equal('2026-11-22');
    expect(todayIn('America/Los_Angeles', now)).to.equal('2026-11-21');
    expect(todayIn('Pacific/Kiritimati', new Date('2026-12-31T10:00:00Z'))).to.equal('2027-01-01');
  });

  it('adds days and months across month, year and leap-day edges', () => {
    expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
    expect(addMonths('2026-12', 1)).to.equal('2027-01');
    expect(addMonths('2026-01', -1)).to.equal('2025-12');
    expect(lastDayOf('2028-02')).to.equal('2028-02-29');
    expect(lastDayOf('2026-11')).to.equal('2026-11-30');
  });

  it('lays a month out in full weeks starting on the given weekday', () => {
    // November 2026 starts on a Sunday.
    expect(isoWeekday('2026-11-01')).to.equal(7);
    const mondayFirst = monthGrid('2026-11', 1);
    expect(mondayFirst[0]).to.deep.equal([null, null, null, null, null, null, '2026-11-01']);
    expect(mondayFirst.flat().filter(Boolean)).to.have.length(30);
    expect(mondayFirst.every((week) => week.length === 7)).to.equal(true);
    const sundayFirst = monthGrid('2026-11', 7);
    expect(sundayFirst[0]![0]).to.equal('2026-11-01');
    expect(sundayFirst.at(-1)).to.deep.equal(['2026-11-29', '2026-11-30', null, null, null, null, null]);
  });

  it('asks for the month in view, never for days before today', () => {
    expect(monthWindow('2026-11', '2026-11-21')).to.deep.equal({ from: '2026-11-21', to: '2026-11-30' });
    expect(monthWindow('2026-12', '2026-11-21')).to.deep.equal({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthWindow('2026-10', '2026-11-21')).to.equal(undefined);
  });
});
