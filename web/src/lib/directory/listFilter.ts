// Filtering and sorting the coordinators' lists of actors, offers and contacts. The filter lives
// in the URL (?q=…&status=…), so a filtered list survives opening an entry and coming back, and a
// colleague can be sent the link. Pure: the pages pass the loaded entries and `now`.
import {
  DIRECTORY_STATUSES,
  isStale,
  lastCurrentAt,
  matchesTerms,
  searchTerms,
  searchableText,
  type ActorWithId,
  type ContactWithId,
  type DirectoryStatus,
  type OfferWithId,
} from '@knotenpunkt/model';

export const SORTS = {
  name: 'Name (A–Z)',
  geaendert: 'Zuletzt geändert zuerst',
  bestaetigt: 'Am längsten nicht bestätigt zuerst',
} as const;
export type SortKey = keyof typeof SORTS;

interface EntryFilterBase {
  q: string;
  status: DirectoryStatus | '';
  field: string;
  network: string;
  stale: boolean;
  sort: SortKey;
}

export interface ActorFilter extends EntryFilterBase {
  kind: string;
  support: boolean;
}

export interface OfferFilter extends EntryFilterBase {
  type: string;
  actor: string;
}

export interface ContactFilter {
  q: string;
  actor: string;
}

const isStatus = (v: string | null): v is DirectoryStatus =>
  (DIRECTORY_STATUSES as readonly string[]).includes(v ?? '');
const isSort = (v: string | null): v is SortKey => !!v && v in SORTS;

function baseFrom(params: URLSearchParams): EntryFilterBase {
  const status = params.get('status');
  const sort = params.get('sortierung');
  return {
    q: params.get('q') ?? '',
    status: isStatus(status) ? status : '',
    field: params.get('feld') ?? '',
    network: params.get('netzwerk') ?? '',
    stale: params.get('veraltet') === '1',
    sort: isSort(sort) ? sort : 'name',
  };
}

export function actorFilterFrom(params: URLSearchParams): ActorFilter {
  return {
    ...baseFrom(params),
    kind: params.get('art') ?? '',
    support: params.get('unterstuetzung') === '1',
  };
}

export function offerFilterFrom(params: URLSearchParams): OfferFilter {
  return {
    ...baseFrom(params),
    type: params.get('typ') ?? '',
    actor: params.get('akteur') ?? '',
  };
}

export function contactFilterFrom(params: URLSearchParams): ContactFilter {
  return { q: params.get('q') ?? '', actor: params.get('akteur') ?? '' };
}

/** The query string for a filter: only what differs from the defaults, in a stable order. */
export function filterQuery(filter: ActorFilter | OfferFilter | ContactFilter): string {
  const params = new URLSearchParams();
  const set = (key: string, value: string | boolean) => {
    if (value === true) params.set(key, '1');
    else if (typeof value === 'string' && value.trim() !== '') params.set(key, value);
  };
  set('q', filter.q);
  if ('status' in filter) {
    set('status', filter.status);
    if ('kind' in filter) set('art', filter.kind);
    if ('type' in filter) set('typ', filter.type);
    set('feld', filter.field);
    set('netzwerk', filter.network);
    if ('support' in filter) set('unterstuetzung', filter.support);
  }
  if ('actor' in filter) set('akteur', filter.actor);
  if ('status' in filter) {
    set('veraltet', filter.stale);
    if (filter.sort !== 'name') params.set('sortierung', filter.sort);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Does the filter narrow the list at all (for "Filter zurücksetzen")? */
export function isFiltered(filter: ActorFilter | OfferFilter | ContactFilter): boolean {
  return filterQuery('sort' in filter ? { ...filter, sort: 'name' } : filter) !== '';
}

// Folding every entry's texts on each keystroke would repeat work; entries are immutable
// snapshots, so their folded text is cached per object.
const folded = new WeakMap<object, string>();
function textOf(entry: object, parts: () => (string | readonly string[])[]): string {
  let text = folded.get(entry);
  if (text === undefined) {
    text = searchableText(parts());
    folded.set(entry, text);
  }
  return text;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'de', { sensitivity: 'base' });

function sortEntries<T extends { updatedAt: Date; lastConfirmedAt: Date | null }>(
  entries: T[],
  sort: SortKey,
  nameOf: (entry: T) => string,
): T[] {
  const sorted = [...entries];
  if (sort === 'geaendert') {
    sorted.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  } else if (sort === 'bestaetigt') {
    sorted.sort((a, b) => lastCurrentAt(a).getTime() - lastCurrentAt(b).getTime());
  } else {
    sorted.sort((a, b) => byName(nameOf(a), nameOf(b)));
  }
  return sorted;
}

export function filterActors(
  actors: readonly ActorWithId[],
  filter: ActorFilter,
  now: Date,
): ActorWithId[] {
  const terms = searchTerms(filter.q);
  const matching = actors.filter(
    (a) =>
      (!filter.status || a.status === filter.status) &&
      (!filter.kind || a.kinds.some((k) => k === filter.kind)) &&
      (!filter.field || a.fieldsOfAction.includes(filter.field)) &&
      (!filter.network || a.networkIds.includes(filter.network)) &&
      (!filter.support || a.supportWanted.trim() !== '') &&
      (!filter.stale || isStale(a, now)) &&
      matchesTerms(
        textOf(a, () => [
          a.name,
          a.shortDescription,
          a.description,
          a.kinds,
          a.fieldsOfAction,
          a.targetGroups,
          a.languages,
          a.address.street,
          a.address.postalCode,
          a.address.city,
          a.municipality,
          a.district,
          a.supportWanted,
        ]),
        terms,
      ),
  );
  return sortEntries(matching, filter.sort, (a) => a.name);
}

export function filterOffers(
  offers: readonly OfferWithId[],
  filter: OfferFilter,
  now: Date,
  actorNames: ReadonlyMap<string, string>,
): OfferWithId[] {
  const terms = searchTerms(filter.q);
  const matching = offers.filter(
    (o) =>
      (!filter.status || o.status === filter.status) &&
      (!filter.type || o.offerTypes.some((t) => t === filter.type)) &&
      (!filter.field || o.fieldsOfAction.includes(filter.field)) &&
      (!filter.network || o.networkIds.includes(filter.network)) &&
      (!filter.actor || o.actorIds.includes(filter.actor)) &&
      (!filter.stale || isStale(o, now)) &&
      matchesTerms(
        // Actor names can change: not cached with the offer.
        `${textOf(o, () => [
          o.title,
          o.shortDescription,
          o.description,
          o.offerTypes,
          o.fieldsOfAction,
          o.targetGroups,
          o.languages,
          o.place,
          o.schedule,
          o.cost,
        ])} ${searchableText(o.actorIds.map((id) => actorNames.get(id) ?? ''))}`,
        terms,
      ),
  );
  return sortEntries(matching, filter.sort, (o) => o.title);
}

export function filterContacts(
  contacts: readonly ContactWithId[],
  filter: ContactFilter,
  actorNames: ReadonlyMap<string, string>,
): ContactWithId[] {
  const terms = searchTerms(filter.q);
  return contacts
    .filter(
      (c) =>
        (!filter.actor || c.actorId === filter.actor) &&
        matchesTerms(
          `${textOf(c, () => [c.name, c.email, c.phone, c.position, c.notes])} ${searchableText([
            c.actorId ? (actorNames.get(c.actorId) ?? '') : '',
          ])}`,
          terms,
        ),
    )
    .sort((a, b) => byName(a.name, b.name));
}
