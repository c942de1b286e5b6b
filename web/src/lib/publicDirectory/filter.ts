// Filtering the public directory in the browser. The filter lives in the address (?feld=…&ort=…),
// so a filtered list can be shared, bookmarked, printed and restored with the back button. Pure:
// pages pass the loaded directory and the URL's search parameters.
import {
  matchesTerms,
  searchTerms,
  searchableText,
  type ActorSummary,
  type OfferSummary,
} from '@knotenpunkt/model';

/** What filters need besides the entry itself: offers take their place from their actors. */
export interface FilterContext {
  actorById: ReadonlyMap<string, ActorSummary>;
}

/** A choice of one value among those the entries have (Handlungsfeld, Sprache, Ort, …). */
export interface Facet<T> {
  param: string;
  label: string;
  /** "Alle …" option. */
  any: string;
  values: (entry: T, ctx: FilterContext) => readonly string[];
}

/** A yes-only checkbox (kostenlos, barrierefrei, …). */
export interface Flag<T> {
  param: string;
  label: string;
  test: (entry: T, ctx: FilterContext) => boolean;
}

export interface FilterSpec<T> {
  facets: readonly Facet<T>[];
  flags: readonly Flag<T>[];
  text: (entry: T, ctx: FilterContext) => string;
}

export interface FilterState {
  q: string;
  /** param → chosen value (absent: all). */
  facets: Record<string, string>;
  /** params of the ticked flags. */
  flags: string[];
}

const actorsOf = (offer: OfferSummary, ctx: FilterContext) =>
  offer.actorIds.flatMap((id) => {
    const actor = ctx.actorById.get(id);
    return actor ? [actor] : [];
  });

const unique = (values: string[]) => [...new Set(values.filter(Boolean))];

export const ACTOR_FILTERS: FilterSpec<ActorSummary> = {
  facets: [
    {
      param: 'feld',
      label: 'Handlungsfeld',
      any: 'Alle Handlungsfelder',
      values: (a) => a.fieldsOfAction,
    },
    {
      param: 'gruppe',
      label: 'Zielgruppe',
      any: 'Alle Zielgruppen',
      values: (a) => a.targetGroups,
    },
    { param: 'art', label: 'Art', any: 'Alle Arten', values: (a) => a.kinds },
    { param: 'sprache', label: 'Sprache', any: 'Alle Sprachen', values: (a) => a.languages },
    { param: 'ort', label: 'Ort', any: 'Alle Orte', values: (a) => unique([a.municipality]) },
    {
      param: 'stadtteil',
      label: 'Stadtteil',
      any: 'Alle Stadtteile',
      values: (a) => unique([a.district]),
    },
  ],
  flags: [
    {
      param: 'unterstuetzung',
      label: 'Unterstützung gesucht',
      test: (a) => a.supportWanted !== '',
    },
  ],
  text: (a) =>
    searchableText([
      a.name,
      a.kinds,
      a.shortDescription,
      a.fieldsOfAction,
      a.targetGroups,
      a.languages,
      a.municipality,
      a.district,
      a.address.street,
      a.address.city,
      a.supportWanted,
    ]),
};

export const OFFER_FILTERS: FilterSpec<OfferSummary> = {
  facets: [
    {
      param: 'feld',
      label: 'Handlungsfeld',
      any: 'Alle Handlungsfelder',
      values: (o) => o.fieldsOfAction,
    },
    {
      param: 'gruppe',
      label: 'Zielgruppe',
      any: 'Alle Zielgruppen',
      values: (o) => o.targetGroups,
    },
    { param: 'typ', label: 'Angebotstyp', any: 'Alle Angebotstypen', values: (o) => o.offerTypes },
    { param: 'sprache', label: 'Sprache', any: 'Alle Sprachen', values: (o) => o.languages },
    {
      param: 'ort',
      label: 'Ort',
      any: 'Alle Orte',
      values: (o, ctx) => unique(actorsOf(o, ctx).map((a) => a.municipality)),
    },
    {
      param: 'stadtteil',
      label: 'Stadtteil',
      any: 'Alle Stadtteile',
      values: (o, ctx) => unique(actorsOf(o, ctx).map((a) => a.district)),
    },
  ],
  flags: [
    { param: 'kostenlos', label: 'kostenlos', test: (o) => o.free },
    { param: 'barrierefrei', label: 'barrierefrei', test: (o) => o.barrierFree },
    { param: 'kinderbetreuung', label: 'mit Kinderbetreuung', test: (o) => o.childcare },
  ],
  text: (o, ctx) =>
    searchableText([
      o.title,
      o.shortDescription,
      o.offerTypes,
      o.fieldsOfAction,
      o.targetGroups,
      o.languages,
      o.place,
      o.schedule,
      actorsOf(o, ctx).map((a) => a.name),
    ]),
};

/** The filter written in the address; unknown parameters and empty values are ignored. */
export function parseFilter<T>(params: URLSearchParams, spec: FilterSpec<T>): FilterState {
  const facets: Record<string, string> = {};
  for (const facet of spec.facets) {
    const value = params.get(facet.param)?.trim();
    if (value) facets[facet.param] = value;
  }
  const flags = spec.flags.filter((f) => params.get(f.param) === '1').map((f) => f.param);
  return { q: params.get('q')?.trim() ?? '', facets, flags };
}

/** The address form of a filter, parameters in a fixed order so equal filters give equal links. */
export function filterParams<T>(state: FilterState, spec: FilterSpec<T>): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of spec.facets) {
    const value = state.facets[facet.param];
    if (value) params.set(facet.param, value);
  }
  for (const flag of spec.flags) if (state.flags.includes(flag.param)) params.set(flag.param, '1');
  return params;
}

export function isFiltered(state: FilterState): boolean {
  return state.q !== '' || Object.keys(state.facets).length > 0 || state.flags.length > 0;
}

/** Folded search text per entry, computed once per loaded directory. */
const texts = new WeakMap<object, string>();

function textOf<T extends object>(entry: T, spec: FilterSpec<T>, ctx: FilterContext): string {
  let text = texts.get(entry);
  if (text === undefined) {
    text = spec.text(entry, ctx);
    texts.set(entry, text);
  }
  return text;
}

/** Does the entry pass the filter, leaving out one facet (for that facet's counts)? */
function passes<T extends object>(
  entry: T,
  state: FilterState,
  spec: FilterSpec<T>,
  ctx: FilterContext,
  terms: readonly string[],
  except?: string,
): boolean {
  for (const facet of spec.facets) {
    if (facet.param === except) continue;
    const wanted = state.facets[facet.param];
    if (wanted && !facet.values(entry, ctx).includes(wanted)) return false;
  }
  for (const flag of spec.flags) {
    if (state.flags.includes(flag.param) && !flag.test(entry, ctx)) return false;
  }
  return terms.length === 0 || matchesTerms(textOf(entry, spec, ctx), terms);
}

export function applyFilter<T extends object>(
  entries: readonly T[],
  state: FilterState,
  spec: FilterSpec<T>,
  ctx: FilterContext,
): T[] {
  const terms = searchTerms(state.q);
  return entries.filter((e) => passes(e, state, spec, ctx, terms));
}

export interface FacetOption {
  value: string;
  /** Entries with this value among those the other filters leave. */
  count: number;
}

const collator = new Intl.Collator('de');

/**
 * The values a facet offers, with how many entries each would show given the other filters (values
 * that would show nothing are left out). The chosen value stays listed even when nothing matches,
 * so the select never loses it.
 */
export function facetOptions<T extends object>(
  entries: readonly T[],
  state: FilterState,
  spec: FilterSpec<T>,
  facet: Facet<T>,
  ctx: FilterContext,
): FacetOption[] {
  const terms = searchTerms(state.q);
  const counts = new Map<string, number>();
  for (const entry of entries) {
    if (!passes(entry, state, spec, ctx, terms, facet.param)) continue;
    for (const value of new Set(facet.values(entry, ctx))) {
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  const chosen = state.facets[facet.param];
  if (chosen && !counts.has(chosen)) counts.set(chosen, 0);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => collator.compare(a.value, b.value));
}

/** "Handlungsfeld: Beratung, kostenlos, Suche „Sprache“": the filter in words, for print and counts. */
export function describeFilter<T>(state: FilterState, spec: FilterSpec<T>): string {
  const parts: string[] = [];
  for (const facet of spec.facets) {
    const value = state.facets[facet.param];
    if (value) parts.push(`${facet.label}: ${value}`);
  }
  for (const flag of spec.flags) if (state.flags.includes(flag.param)) parts.push(flag.label);
  if (state.q) parts.push(`Suche „${state.q}“`);
  return parts.join(', ');
}
