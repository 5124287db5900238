import type { Rich } from './rich.js';

/** English strings of joining a session and what follows it (the manage view). */
export const join = {
  joinIn: <T>(left: T, from: T): Rich<T> => ['You can join in ', left, ' (from ', from, '). The Join button appears here then.'],
  startsIn: <T>(left: T, at: T): Rich<T> => ['Starts in ', left, ' (at ', at, ').'],
  timeLeft: <T>(left: T, until: T): Rich<T> => [left, ' left (until ', until, ').'],
  plannedUntil: <T>(until: T): Rich<T> => ['Planned until ', until, '.'],
  joinSession: 'Join the session',
  linkCheckFailed: (why: string) => `We could not check for your meeting link. ${why}`,
  linkPreparingAuto: 'Your meeting link is being prepared… This page checks again by itself.',
  linkPreparingManual: 'Your meeting link is being prepared… Check again in a minute.',
  checking: 'Checking…',
  announceEnded: 'The session has ended.',
  announceJoinNow: 'You can join the session now.',
  announcePreparing: 'Your meeting link is being prepared.',
  byPhone: <T>(number: T): Rich<T> => ['By phone: ', number],
  address: <T>(address: T): Rich<T> => ['Address: ', address],
  sessionEnded: (name: string) => `Your session has ended. Thank you for meeting with ${name}.`,
  shareFeedback: 'Share your feedback',
  notesFrom: (name: string) => `Notes from ${name}`,
  watchRecording: 'Watch the recording',
};
