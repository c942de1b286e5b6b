import { describe, expect, it } from 'vitest';
import {
  countByStatus,
  filterSubscribers,
  interestsOf,
  volunteerChoices,
  volunteersOf,
} from './list.ts';
import { subscriber } from './fixtures.ts';

const list = [
  subscriber({ email: 'anna@example.de', name: 'Anna Müller', interests: ['Wohnen'] }),
  subscriber({ email: 'ben@example.de', status: 'pending', interests: ['Arbeitsmarkt'] }),
  subscriber({ email: 'carla@example.de', status: 'bounced', organisation: 'Caritas' }),
  subscriber({
    email: 'dana@example.de',
    purposes: { invitations: false, volunteer: true },
    volunteer: { fieldsOfAction: ['Wohnen'], languages: ['Arabisch'], availability: '', phone: '' },
    contactNote: { contacted: true, note: 'Angerufen', updatedAt: new Date(), updatedBy: 'u' },
  }),
];

describe('filterSubscribers', () => {
  it('filters by status, interest and words in address, name or organisation', () => {
    expect(
      filterSubscribers(list, { status: 'bounced', query: '', interest: '' }).map((s) => s.email),
    ).toEqual(['carla@example.de']);
    expect(
      filterSubscribers(list, { status: '', query: 'mueller', interest: '' }).map((s) => s.email),
    ).toEqual(['anna@example.de']);
    expect(filterSubscribers(list, { status: '', query: 'caritas', interest: '' })).toHaveLength(1);
    expect(
      filterSubscribers(list, { status: '', query: '', interest: 'Arbeitsmarkt' }).map(
        (s) => s.email,
      ),
    ).toEqual(['ben@example.de']);
  });
});

describe('countByStatus', () => {
  it('counts every status, also those nobody has', () => {
    expect(countByStatus(list)).toEqual({
      all: 4,
      pending: 1,
      confirmed: 2,
      unsubscribed: 0,
      bounced: 1,
    });
  });
});

describe('interestsOf', () => {
  it('lists each interest once, alphabetically', () => {
    expect(interestsOf(list)).toEqual(['Arbeitsmarkt', 'Wohnen']);
  });
});

describe('volunteersOf', () => {
  it('keeps confirmed volunteers matching field of action, language and contact state', () => {
    expect(
      volunteersOf(list, { fieldOfAction: 'Wohnen', language: 'Arabisch', contacted: 'done' }).map(
        (s) => s.email,
      ),
    ).toEqual(['dana@example.de']);
    expect(volunteersOf(list, { fieldOfAction: '', language: 'Türkisch', contacted: '' })).toEqual(
      [],
    );
    expect(volunteersOf(list, { fieldOfAction: '', language: '', contacted: 'open' })).toEqual([]);
    expect(volunteerChoices(list)).toEqual({ fieldsOfAction: ['Wohnen'], languages: ['Arabisch'] });
  });
});
