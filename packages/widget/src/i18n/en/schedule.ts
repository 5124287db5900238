/** English strings of the service picker, the calendar and the day's times. */
export const schedule = {
  chooseSession: 'Choose a session',
  noServices: 'No services are open for booking right now.',
  free: 'Free',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  /** A day button's label when the day has no open time. */
  dayClosed: (date: string) => `${date}, no open times`,
  timesIn: (zone: string) => `Times in ${zone}`,
  loadingTimes: 'Loading times…',
  noTimesLeft: 'No open times left on this day.',
  /** Under a time of a group session: the seats still open there. */
  seatsLeft: (n: number) => (n === 1 ? '1 seat left' : `${n} seats left`),
  /** Under a group service's name: how many people one session takes (2 or more). */
  groupSession: (n: number) => `Group session · up to ${n} people`,
};
