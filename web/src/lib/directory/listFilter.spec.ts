import { describe, expect, it } from 'vitest';
import {
  actorInputSchema,
  contactInputSchema,
  offerInputSchema,
  type ActorInput,
  type ActorWithId,
  type ContactWithId,
  type OfferInput,
  type OfferWithId,
} from '@knotenpunkt/model';
import {
  actorFilterFrom,
  contactFilterFrom,
  filterActors,
  filterContacts,
  filterOffers,
  filterQuery,
  isFiltered,
  offerFilterFrom,
} from './listFilter.ts';

const NOW = new Date('2026-11-22T12:00:00Z');
const RECENT = new Date('2026-10-01T00:00:00Z');
const LONG_AGO = new Date('2025-01-01T00:00:00Z');

function actor(id: string, over: Partial<ActorInput>, updatedAt = RECENT): ActorWithId {
  return {
    ...actorInputSchema.parse({ kinds: ['Verein'], networkIds: ['hemer'], ...over }),
    id,
    lastConfirmedAt: null,
    createdAt: updatedAt,
    updatedAt,
    updatedBy: 'u1',
  };
}

function offer(id: string, over: Partial<OfferInput>, updatedAt = RECENT): OfferWithId {
  return {
    ...offerInputSchema.parse({
      actorIds: ['cafe'],
      offerTypes: ['Sprachtreff'],
      networkIds: ['hemer'],
      ...over,
    }),
    id,
    lastConfirmedAt: null,
    createdAt: updatedAt,
    updatedAt,
    updatedBy: 'u1',
  };
}

const actors = [
  actor('cafe', {
    name: 'Café International e. V.',
    languages: ['Deutsch', 'Arabisch'],
    fieldsOfAction: ['Gesellschaftliche Teilhabe'],
    status: 'published',
    supportWanted: 'Ehrenamtliche für samstags',
  }),
  actor(
    'kita',
    { name: 'Kita Regenbogen', kinds: ['Kita'], address: { city: 'Hemerfeld' } },
    LONG_AGO,
  ),
  actor('mriya', {
    name: 'Ukrainischer Verein „Mriya“',
    kinds: ['Migrantenselbstorganisation'],
    networkIds: ['hemer', 'rheinwald'],
    status: 'archived',
  }),
];

const names = (list: { id: string }[]) => list.map((e) => e.id);
const params = (query: string) => new URLSearchParams(query);

describe('filters in the URL', () => {
  it('reads an actor filter and writes it back in the same form', () => {
    const query = '?q=caf%C3%A9&status=published&art=Kita&unterstuetzung=1&veraltet=1';
    const filter = actorFilterFrom(params(query));
    expect(filter).toMatchObject({
      q: 'café',
      status: 'published',
      kind: 'Kita',
      support: true,
      stale: true,
      sort: 'name',
    });
    expect(filterQuery(filter)).toBe(query);
  });

  it('ignores unknown status and sort values', () => {
    const filter = offerFilterFrom(params('?status=geloescht&sortierung=zufall'));
    expect(filter.status).toBe('');
    expect(filter.sort).toBe('name');
  });

  it('writes nothing for the defaults and keeps a chosen sort', () => {
    expect(filterQuery(actorFilterFrom(params('')))).toBe('');
    expect(filterQuery(offerFilterFrom(params('?sortierung=bestaetigt')))).toBe(
      '?sortierung=bestaetigt',
    );
    expect(filterQuery(contactFilterFrom(params('?q=demir&akteur=cafe')))).toBe(
      '?q=demir&akteur=cafe',
    );
  });

  it('counts a sort order alone as unfiltered', () => {
    expect(isFiltered(actorFilterFrom(params('?sortierung=geaendert')))).toBe(false);
    expect(isFiltered(actorFilterFrom(params('?veraltet=1')))).toBe(true);
  });
});

describe('filterActors', () => {
  const run = (query: string) => names(filterActors(actors, actorFilterFrom(params(query)), NOW));

  it('sorts by name and shows every status without a filter', () => {
    expect(run('')).toEqual(['cafe', 'kita', 'mriya']);
  });

  it('searches name, place and languages, folding umlauts and accents', () => {
    expect(run('?q=cafe')).toEqual(['cafe']);
    expect(run('?q=HEMERFELD')).toEqual(['kita']);
    expect(run('?q=arabisch international')).toEqual(['cafe']);
    expect(run('?q=ukrainischer')).toEqual(['mriya']);
  });

  it('filters by status, kind, field of action and network', () => {
    expect(run('?status=archived')).toEqual(['mriya']);
    expect(run('?art=Kita')).toEqual(['kita']);
    expect(run('?feld=Gesellschaftliche+Teilhabe')).toEqual(['cafe']);
    expect(run('?netzwerk=rheinwald')).toEqual(['mriya']);
  });

  it('finds actors that look for support', () => {
    expect(run('?unterstuetzung=1')).toEqual(['cafe']);
  });

  it('finds stale actors: neither confirmed nor edited for twelve months', () => {
    expect(run('?veraltet=1')).toEqual(['kita']);
  });

  it('sorts by last change or by the longest unconfirmed first', () => {
    expect(run('?sortierung=geaendert')[2]).toBe('kita');
    expect(run('?sortierung=bestaetigt')[0]).toBe('kita');
  });
});

describe('filterOffers', () => {
  const offers = [
    offer('sprachcafe', { title: 'Sprachcafé', actorIds: ['cafe'], status: 'published' }),
    offer(
      'elterncafe',
      { title: 'Elterncafé', actorIds: ['kita'], offerTypes: ['Begegnung'] },
      LONG_AGO,
    ),
  ];
  const actorNames = new Map([
    ['cafe', 'Café International e. V.'],
    ['kita', 'Kita Regenbogen'],
  ]);
  const run = (query: string) =>
    names(filterOffers(offers, offerFilterFrom(params(query)), NOW, actorNames));

  it('finds offers by the names of their actors', () => {
    expect(run('?q=regenbogen')).toEqual(['elterncafe']);
  });

  it('filters by type, actor, status and staleness', () => {
    expect(run('?typ=Begegnung')).toEqual(['elterncafe']);
    expect(run('?akteur=cafe')).toEqual(['sprachcafe']);
    expect(run('?status=published')).toEqual(['sprachcafe']);
    expect(run('?veraltet=1')).toEqual(['elterncafe']);
  });
});

describe('filterContacts', () => {
  const contact = (id: string, name: string, actorId: string | null): ContactWithId => ({
    ...contactInputSchema.parse({ name, kind: 'volunteer', actorId, networkIds: ['hemer'] }),
    id,
    createdAt: RECENT,
    updatedAt: RECENT,
    updatedBy: 'u1',
  });
  const contacts = [contact('c1', 'Jürgen Weiß', 'cafe'), contact('c2', 'Aylin Demir', 'kita')];
  const actorNames = new Map([['kita', 'Kita Regenbogen']]);

  it('finds contacts by name with ü/ue and ß/ss alike, and by their actor', () => {
    const run = (query: string) =>
      names(filterContacts(contacts, contactFilterFrom(params(query)), actorNames));
    expect(run('?q=juergen weiss')).toEqual(['c1']);
    expect(run('?q=regenbogen')).toEqual(['c2']);
    expect(run('?akteur=cafe')).toEqual(['c1']);
    expect(run('')).toEqual(['c2', 'c1']);
  });
});
