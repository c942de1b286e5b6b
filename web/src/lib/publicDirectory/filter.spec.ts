import { describe, expect, it } from 'vitest';
import type { ActorSummary, OfferSummary } from '@knotenpunkt/model';
import {
  ACTOR_FILTERS,
  OFFER_FILTERS,
  applyFilter,
  describeFilter,
  facetOptions,
  filterParams,
  isFiltered,
  parseFilter,
} from './filter.ts';

function actor(id: string, over: Partial<ActorSummary> = {}): ActorSummary {
  return {
    id,
    name: id,
    kinds: ['Verein'],
    shortDescription: '',
    fieldsOfAction: [],
    targetGroups: [],
    languages: ['Deutsch'],
    address: { street: '', postalCode: '', city: '' },
    municipality: 'Hemerfeld',
    district: '',
    coordinates: null,
    website: '',
    publicContact: { phone: '', email: '' },
    supportWanted: '',
    ...over,
  };
}

function offer(id: string, over: Partial<OfferSummary> = {}): OfferSummary {
  return {
    id,
    title: id,
    actorIds: [],
    shortDescription: '',
    offerTypes: ['Beratung'],
    fieldsOfAction: [],
    targetGroups: [],
    languages: ['Deutsch'],
    place: '',
    schedule: '',
    free: false,
    registrationRequired: false,
    childcare: false,
    barrierFree: false,
    ...over,
  };
}

const actors = [
  actor('kita', {
    name: 'Kita Regenbogen',
    fieldsOfAction: ['Bildung'],
    languages: ['Deutsch', 'Türkisch'],
    district: 'Ost',
  }),
  actor('moschee', {
    name: 'DITIB Moscheegemeinde',
    fieldsOfAction: ['Kulturelle Vielfalt'],
    supportWanted: 'Räume',
  }),
  actor('vhs', {
    name: 'Volkshochschule',
    fieldsOfAction: ['Bildung'],
    municipality: 'Rheinstadt',
  }),
];
const ctx = { actorById: new Map(actors.map((a) => [a.id, a])) };
const offers = [
  offer('sprachcafe', { title: 'Sprachcafé', actorIds: ['kita'], free: true, childcare: true }),
  offer('kurs', { title: 'Integrationskurs', actorIds: ['vhs'], offerTypes: ['Sprachkurs'] }),
];

const params = (query: string) => new URLSearchParams(query);

describe('the filter in the address', () => {
  it('reads known parameters, ignores unknown ones and empty values', () => {
    const state = parseFilter(
      params('feld=Bildung&ort=&unbekannt=x&unterstuetzung=1&q=+kita+'),
      ACTOR_FILTERS,
    );
    expect(state).toEqual({ q: 'kita', facets: { feld: 'Bildung' }, flags: ['unterstuetzung'] });
    expect(isFiltered(state)).toBe(true);
    expect(isFiltered(parseFilter(params(''), ACTOR_FILTERS))).toBe(false);
  });

  it('writes parameters in a fixed order, so equal filters give equal links', () => {
    const a = filterParams(
      { q: 'kita', facets: { ort: 'Hemerfeld', feld: 'Bildung' }, flags: [] },
      ACTOR_FILTERS,
    );
    const b = filterParams(
      parseFilter(params('ort=Hemerfeld&q=kita&feld=Bildung'), ACTOR_FILTERS),
      ACTOR_FILTERS,
    );
    expect(a.toString()).toBe('q=kita&feld=Bildung&ort=Hemerfeld');
    expect(b.toString()).toBe(a.toString());
  });

  it('round-trips umlauts and spaces', () => {
    const state = { q: 'Müller Straße', facets: { sprache: 'Türkisch' }, flags: [] };
    expect(parseFilter(filterParams(state, ACTOR_FILTERS), ACTOR_FILTERS)).toEqual(state);
  });
});

describe('applying the filter', () => {
  it('combines facets, flags and search', () => {
    const only = (query: string) =>
      applyFilter(actors, parseFilter(params(query), ACTOR_FILTERS), ACTOR_FILTERS, ctx).map(
        (a) => a.id,
      );
    expect(only('feld=Bildung')).toEqual(['kita', 'vhs']);
    expect(only('feld=Bildung&ort=Hemerfeld')).toEqual(['kita']);
    expect(only('unterstuetzung=1')).toEqual(['moschee']);
    expect(only('stadtteil=Ost')).toEqual(['kita']);
    expect(only('q=volkshochschule')).toEqual(['vhs']);
  });

  it('searches ignoring case and umlaut spellings', () => {
    const only = (q: string) =>
      applyFilter(actors, { q, facets: {}, flags: [] }, ACTOR_FILTERS, ctx).map((a) => a.id);
    expect(only('tuerkisch')).toEqual(['kita']);
    expect(only('RAEUME')).toEqual(['moschee']);
  });

  it('gives offers the place of their actors and finds them by actor name', () => {
    const only = (query: string) =>
      applyFilter(offers, parseFilter(params(query), OFFER_FILTERS), OFFER_FILTERS, ctx).map(
        (o) => o.id,
      );
    expect(only('ort=Rheinstadt')).toEqual(['kurs']);
    expect(only('stadtteil=Ost')).toEqual(['sprachcafe']);
    expect(only('kostenlos=1&kinderbetreuung=1')).toEqual(['sprachcafe']);
    expect(only('barrierefrei=1')).toEqual([]);
    expect(only('q=regenbogen')).toEqual(['sprachcafe']);
    expect(only('typ=Sprachkurs')).toEqual(['kurs']);
  });
});

describe('facet options', () => {
  it('count entries per value under the other filters and keep the chosen value', () => {
    const feld = ACTOR_FILTERS.facets.find((f) => f.param === 'feld')!;
    const all = facetOptions(
      actors,
      parseFilter(params(''), ACTOR_FILTERS),
      ACTOR_FILTERS,
      feld,
      ctx,
    );
    expect(all).toEqual([
      { value: 'Bildung', count: 2 },
      { value: 'Kulturelle Vielfalt', count: 1 },
    ]);
    const inRheinstadt = facetOptions(
      actors,
      parseFilter(params('ort=Rheinstadt&feld=Kulturelle+Vielfalt'), ACTOR_FILTERS),
      ACTOR_FILTERS,
      feld,
      ctx,
    );
    expect(inRheinstadt).toEqual([
      { value: 'Bildung', count: 1 },
      { value: 'Kulturelle Vielfalt', count: 0 },
    ]);
  });

  it('describe the filter in words', () => {
    const state = parseFilter(params('feld=Bildung&kostenlos=1&q=kurs'), OFFER_FILTERS);
    expect(describeFilter(state, OFFER_FILTERS)).toBe(
      'Handlungsfeld: Bildung, kostenlos, Suche „kurs“',
    );
  });
});
