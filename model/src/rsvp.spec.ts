import { describe, expect, it } from 'vitest';
import {
  answerFromParam,
  countRsvps,
  rsvpSetOf,
  settleRsvps,
  sortRsvps,
  type QueuedAnswer,
  type RsvpState,
  type SettleInput,
} from './rsvp.ts';

const state = (id: string, over: Partial<RsvpState> = {}): RsvpState => ({
  id,
  answer: null,
  waitlisted: false,
  persons: 1,
  comment: '',
  order: null,
  ...over,
});
let seq = 0;
const ask = (inviteeId: string, answer: QueuedAnswer['answer'], persons: number | null = null) => ({
  requestId: `r${++seq}`,
  inviteeId,
  answer,
  persons,
  comment: null,
});

function input(over: Partial<SettleInput>): SettleInput {
  return {
    limits: { capacity: 2, waitlist: true },
    yesPersons: 0,
    nextOrder: 0,
    states: new Map(),
    waitlistComplete: true,
    waitlistLoadedUpTo: null,
    requests: [],
    ...over,
  };
}

describe('settling RSVPs', () => {
  it('gives places in commit order and puts later yes-answers on the waiting list', () => {
    const requests = ['a', 'b', 'c', 'd'].map((id) => ask(id, 'yes'));
    const result = settleRsvps(input({ requests }));
    expect(result.yesPersons).toBe(2);
    expect([...result.changed.values()].map((s) => [s.id, s.waitlisted, s.order])).toEqual([
      ['a', false, 0],
      ['b', false, 1],
      ['c', true, 2],
      ['d', true, 3],
    ]);
    expect(requests.map((r) => result.outcomes.get(r.requestId))).toEqual([
      'recorded',
      'recorded',
      'waitlisted',
      'waitlisted',
    ]);
  });

  it('refuses a yes without a waiting list when the meeting is full and keeps the old answer', () => {
    const states = new Map([['c', state('c', { answer: 'maybe' })]]);
    const request = ask('c', 'yes');
    const result = settleRsvps(
      input({
        limits: { capacity: 1, waitlist: false },
        yesPersons: 1,
        states,
        requests: [request],
      }),
    );
    expect(result.outcomes.get(request.requestId)).toBe('full');
    expect(result.changed.size).toBe(0);
  });

  it('moves the first in line up when someone cancels, with the next one still waiting', () => {
    const states = new Map([
      ['a', state('a', { answer: 'yes', order: 0 })],
      ['c', state('c', { answer: 'yes', waitlisted: true, order: 2 })],
      ['d', state('d', { answer: 'yes', waitlisted: true, order: 3 })],
    ]);
    const result = settleRsvps(
      input({ yesPersons: 2, nextOrder: 4, states, requests: [ask('a', 'no')] }),
    );
    expect(result.promoted).toEqual(['c']);
    expect(result.changed.get('c')?.waitlisted).toBe(false);
    expect(result.changed.has('d')).toBe(false);
    expect(result.yesPersons).toBe(2);
  });

  it('does not let a later, smaller group jump a waiting group that does not fit', () => {
    const states = new Map([
      ['big', state('big', { answer: 'yes', waitlisted: true, persons: 3, order: 5 })],
      ['small', state('small', { answer: 'yes', waitlisted: true, persons: 1, order: 6 })],
    ]);
    const result = settleRsvps(
      input({ limits: { capacity: 3, waitlist: true }, yesPersons: 2, nextOrder: 7, states }),
    );
    expect(result.promoted).toEqual([]);
  });

  it('only moves up waiting entries it has seen the predecessors of', () => {
    const states = new Map([['x', state('x', { answer: 'yes', waitlisted: true, order: 40 })]]);
    const result = settleRsvps(
      input({
        yesPersons: 0,
        states,
        waitlistComplete: false,
        waitlistLoadedUpTo: 10,
      }),
    );
    expect(result.promoted).toEqual([]);
  });

  it('keeps a confirmed place when more persons do not fit, and frees places for fewer', () => {
    const states = new Map([
      ['a', state('a', { answer: 'yes', persons: 2, order: 0 })],
      ['w', state('w', { answer: 'yes', waitlisted: true, order: 1 })],
    ]);
    const more = ask('a', 'yes', 3);
    const limited = settleRsvps(input({ yesPersons: 2, states, requests: [more] }));
    expect(limited.outcomes.get(more.requestId)).toBe('personsLimited');
    expect(limited.yesPersons).toBe(2);
    const fewer = settleRsvps(input({ yesPersons: 2, states, requests: [ask('a', 'yes', 1)] }));
    expect(fewer.changed.get('a')?.persons).toBe(1);
    expect(fewer.promoted).toEqual(['w']);
    expect(fewer.yesPersons).toBe(2);
  });

  it('keeps the turn of someone on the waiting list who answers yes again', () => {
    const states = new Map([['w', state('w', { answer: 'yes', waitlisted: true, order: 1 })]]);
    const again = ask('w', 'yes', 2);
    const result = settleRsvps(input({ yesPersons: 2, nextOrder: 9, states, requests: [again] }));
    expect(result.changed.get('w')).toMatchObject({ waitlisted: true, order: 1, persons: 2 });
    expect(result.nextOrder).toBe(9);
  });

  it('never exceeds the capacity, whatever the order of answers', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `p${i}`);
    const requests = ids.flatMap((id, i) => [
      ask(id, 'yes', (i % 3) + 1),
      ...(i % 4 === 0 ? [ask(id, 'no')] : []),
    ]);
    const result = settleRsvps(input({ limits: { capacity: 10, waitlist: true }, requests }));
    const confirmed = [...result.changed.values()].filter(
      (s) => s.answer === 'yes' && !s.waitlisted,
    );
    const persons = confirmed.reduce((sum, s) => sum + s.persons, 0);
    expect(persons).toBe(result.yesPersons);
    expect(persons).toBeLessThanOrEqual(10);
  });

  it('counts without a capacity everyone as confirmed', () => {
    const result = settleRsvps(
      input({ limits: { capacity: null, waitlist: false }, requests: [ask('a', 'yes', 10)] }),
    );
    expect(result.changed.get('a')?.waitlisted).toBe(false);
  });
});

describe('RSVP sets, counts and order', () => {
  const rows = [
    {
      name: 'Zora',
      email: 'z@x.de',
      answer: 'yes',
      waitlisted: false,
      persons: 2,
      attended: true,
      order: 1,
    },
    {
      name: 'Anna',
      email: 'a@x.de',
      answer: 'yes',
      waitlisted: false,
      persons: 1,
      attended: false,
      order: 0,
    },
    {
      name: 'Wanda',
      email: 'w@x.de',
      answer: 'yes',
      waitlisted: true,
      persons: 1,
      attended: null,
      order: 7,
    },
    {
      name: 'Vera',
      email: 'v@x.de',
      answer: 'yes',
      waitlisted: true,
      persons: 3,
      attended: null,
      order: 5,
    },
    {
      name: '',
      email: 'n@x.de',
      answer: null,
      waitlisted: false,
      persons: 1,
      attended: null,
      order: null,
    },
    {
      name: 'Max',
      email: 'm@x.de',
      answer: 'no',
      waitlisted: false,
      persons: 1,
      attended: null,
      order: null,
    },
  ] as const;

  it('counts yes, waiting list, maybe, no and no answer, with persons and attendance', () => {
    expect(countRsvps(rows)).toEqual({
      yes: 2,
      waitlisted: 2,
      maybe: 0,
      no: 1,
      none: 1,
      yesPersons: 3,
      waitlistedPersons: 4,
      invitees: 6,
      attended: 1,
      attendedPersons: 2,
    });
  });

  it('lists confirmed people by name, then the waiting list in its order', () => {
    expect(sortRsvps(rows).map((r) => r.email)).toEqual([
      'a@x.de',
      'z@x.de',
      'v@x.de',
      'w@x.de',
      'm@x.de',
      'n@x.de',
    ]);
  });

  it('reads the answer of a link and the set of an answer', () => {
    expect(answerFromParam('ja')).toBe('yes');
    expect(answerFromParam('vielleicht')).toBe('maybe');
    expect(answerFromParam('egal')).toBeNull();
    expect(rsvpSetOf({ answer: 'yes', waitlisted: true })).toBe('waitlisted');
    expect(rsvpSetOf({ answer: null, waitlisted: false })).toBe('none');
  });
});
