// Pure helpers of the coordinators' distribution list: filters, counts, labels. The list is the
// live snapshot of all subscribers of the network, filtered in the browser.
import {
  SUBSCRIBER_STATUSES,
  CONSENT_PURPOSES,
  CONSENT_PURPOSE_LABELS,
  foldForSearch,
  type SubscriberStatus,
  type SubscriberWithId,
} from '@knotenpunkt/model';

export interface SubscriberFilter {
  /** '' for all statuses. */
  status: SubscriberStatus | '';
  query: string;
  /** '' for all interests. */
  interest: string;
}

export const EMPTY_FILTER: SubscriberFilter = { status: '', query: '', interest: '' };

export function filterSubscribers(
  list: readonly SubscriberWithId[],
  filter: SubscriberFilter,
): SubscriberWithId[] {
  const words = foldForSearch(filter.query).split(/\s+/).filter(Boolean);
  return list.filter((s) => {
    if (filter.status && s.status !== filter.status) return false;
    if (filter.interest && !s.interests.includes(filter.interest)) return false;
    if (words.length === 0) return true;
    const haystack = foldForSearch([s.email, s.name, s.organisation, ...s.interests].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

export function countByStatus(
  list: readonly SubscriberWithId[],
): Record<SubscriberStatus, number> & { all: number } {
  const counts = Object.fromEntries(SUBSCRIBER_STATUSES.map((s) => [s, 0])) as Record<
    SubscriberStatus,
    number
  >;
  for (const s of list) counts[s.status]++;
  return { ...counts, all: list.length };
}

/** Every interest that occurs, alphabetically (for the filter). */
export function interestsOf(list: readonly SubscriberWithId[]): string[] {
  return [...new Set(list.flatMap((s) => s.interests))].sort((a, b) => a.localeCompare(b, 'de'));
}

export const SHORT_PURPOSE_LABELS = {
  invitations: 'Einladungen',
  volunteer: 'Ehrenamt',
} as const;

/** "Einladungen, Ehrenamt" – the purposes the person chose. */
export function purposesLabel(s: Pick<SubscriberWithId, 'purposes'>): string {
  const chosen = CONSENT_PURPOSES.filter((p) => s.purposes[p]).map((p) => SHORT_PURPOSE_LABELS[p]);
  return chosen.length > 0 ? chosen.join(', ') : '–';
}

export function purposeLongLabel(purpose: (typeof CONSENT_PURPOSES)[number]): string {
  return CONSENT_PURPOSE_LABELS[purpose];
}

/** When the subscriber's current state began, for the "seit" column. */
export function statusSince(s: SubscriberWithId): Date {
  switch (s.status) {
    case 'unsubscribed':
      return s.unsubscribedAt ?? s.updatedAt;
    case 'bounced':
      return s.bouncedAt ?? s.updatedAt;
    case 'confirmed': {
      const times = CONSENT_PURPOSES.map((p) => s.consents[p]?.confirmedAt).filter(
        (d): d is Date => d instanceof Date,
      );
      return times.sort((a, b) => a.getTime() - b.getTime())[0] ?? s.updatedAt;
    }
    default:
      return s.requestedAt;
  }
}

// ---------------------------------------------------------------- volunteers

export interface VolunteerFilter {
  fieldOfAction: string;
  language: string;
  /** '' all, 'open' not yet contacted, 'done' contacted. */
  contacted: '' | 'open' | 'done';
}

export const EMPTY_VOLUNTEER_FILTER: VolunteerFilter = {
  fieldOfAction: '',
  language: '',
  contacted: '',
};

/** Confirmed subscribers who chose the volunteer purpose, filtered. */
export function volunteersOf(
  list: readonly SubscriberWithId[],
  filter: VolunteerFilter,
): SubscriberWithId[] {
  return list.filter((s) => {
    if (s.status !== 'confirmed' || !s.purposes.volunteer || !s.volunteer) return false;
    if (filter.fieldOfAction && !s.volunteer.fieldsOfAction.includes(filter.fieldOfAction))
      return false;
    if (filter.language && !s.volunteer.languages.includes(filter.language)) return false;
    const contacted = s.contactNote?.contacted === true;
    if (filter.contacted === 'open' && contacted) return false;
    if (filter.contacted === 'done' && !contacted) return false;
    return true;
  });
}

export function volunteerChoices(list: readonly SubscriberWithId[]) {
  const active = volunteersOf(list, EMPTY_VOLUNTEER_FILTER);
  const sorted = (values: string[]) =>
    [...new Set(values)].sort((a, b) => a.localeCompare(b, 'de'));
  return {
    fieldsOfAction: sorted(active.flatMap((s) => s.volunteer?.fieldsOfAction ?? [])),
    languages: sorted(active.flatMap((s) => s.volunteer?.languages ?? [])),
  };
}
