// What the public forms (proposal, upkeep) edit: the proposable fields of an actor or offer, with
// the lists as text. Converted to the model's field values before parsing.
import type { ProposedActorFields, ProposedOfferFields } from '@knotenpunkt/model';
import { joinList, splitList } from './lists.ts';

export type ActorDraft = Omit<ProposedActorFields, 'targetGroups' | 'languages'> & {
  targetGroups: string;
  languages: string;
};

export type OfferDraft = Omit<ProposedOfferFields, 'targetGroups' | 'languages'> & {
  targetGroups: string;
  languages: string;
};

/** Paths of fields typed as lists, for placing their messages. */
export const LIST_PATHS = ['fields.targetGroups', 'fields.languages'] as const;

export function emptyActorDraft(): ActorDraft {
  return {
    name: '',
    kinds: [],
    shortDescription: '',
    description: '',
    fieldsOfAction: [],
    targetGroups: '',
    languages: '',
    address: { street: '', postalCode: '', city: '' },
    municipality: '',
    district: '',
    website: '',
    publicContact: { phone: '', email: '' },
    supportWanted: '',
  };
}

export function emptyOfferDraft(): OfferDraft {
  return {
    title: '',
    actorIds: [],
    shortDescription: '',
    description: '',
    offerTypes: [],
    fieldsOfAction: [],
    targetGroups: '',
    languages: '',
    place: '',
    schedule: '',
    cost: '',
    free: false,
    registrationRequired: false,
    registration: '',
    childcare: false,
    barrierFree: false,
  };
}

export function actorDraftOf(fields: ProposedActorFields): ActorDraft {
  const copy = structuredClone(fields);
  return {
    ...copy,
    targetGroups: joinList(copy.targetGroups),
    languages: joinList(copy.languages),
  };
}

export function offerDraftOf(fields: ProposedOfferFields): OfferDraft {
  const copy = structuredClone(fields);
  return {
    ...copy,
    targetGroups: joinList(copy.targetGroups),
    languages: joinList(copy.languages),
  };
}

/** The draft as field values (lists split); still to be parsed with the schema. */
export function fieldsOfDraft<D extends ActorDraft | OfferDraft>(draft: D) {
  return {
    ...draft,
    targetGroups: splitList(draft.targetGroups),
    languages: splitList(draft.languages),
  };
}
