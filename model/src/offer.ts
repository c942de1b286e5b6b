import { z } from 'zod';
import { directoryStatusSchema, networkIdsSchema } from './directory.ts';
import {
  LIMITS,
  docId,
  optionalText,
  optionalTimestamp,
  requiredText,
  textList,
  timestamp,
  uniqueList,
} from './primitives.ts';

export const OFFER_TYPES = [
  'Beratung',
  'Bildung/Kurs',
  'Sprachkurs',
  'Sprachtreff',
  'Begegnung',
  'Patenschaft',
  'Übersetzung/Sprachmittlung',
  'Kinder und Jugend',
  'Freizeit und Sport',
  'Sonstiges',
] as const;
export type OfferType = (typeof OFFER_TYPES)[number];

/** What the offer form submits. */
export const offerInputSchema = z.strictObject({
  actorIds: uniqueList(docId, 1, 10),
  title: requiredText(),
  shortDescription: optionalText(300),
  description: optionalText(LIMITS.longText),
  offerTypes: uniqueList(z.enum(OFFER_TYPES, { error: 'Bitte eine Angebotsart wählen.' }), 1, 5),
  fieldsOfAction: textList(30),
  targetGroups: textList(30),
  languages: textList(30),
  place: optionalText(500),
  schedule: optionalText(500),
  cost: optionalText(),
  free: z.boolean().default(false),
  registrationRequired: z.boolean().default(false),
  registration: optionalText(500),
  childcare: z.boolean().default(false),
  barrierFree: z.boolean().default(false),
  status: directoryStatusSchema.default('draft'),
  networkIds: networkIdsSchema,
});
export type OfferInput = z.input<typeof offerInputSchema>;

/** The values the offer form edits (every input field present, defaults applied). */
export type OfferFields = z.output<typeof offerInputSchema>;
export type OfferField = keyof OfferFields;

/** What the create form starts with (not valid until actor, title and type are filled in). */
export function emptyOfferFields(networkIds: string[], actorIds: string[] = []): OfferFields {
  return {
    actorIds: [...actorIds],
    title: '',
    shortDescription: '',
    description: '',
    offerTypes: [],
    fieldsOfAction: [],
    targetGroups: [],
    languages: [],
    place: '',
    schedule: '',
    cost: '',
    free: false,
    registrationRequired: false,
    registration: '',
    childcare: false,
    barrierFree: false,
    status: 'draft',
    networkIds: [...networkIds],
  };
}

/** German names of the input fields: form labels, CSV headers, the review inbox's diff. */
export const OFFER_FIELD_LABELS: Record<OfferField, string> = {
  actorIds: 'Akteure',
  title: 'Titel',
  shortDescription: 'Kurzbeschreibung',
  description: 'Beschreibung',
  offerTypes: 'Angebotsart',
  fieldsOfAction: 'Handlungsfelder',
  targetGroups: 'Zielgruppen',
  languages: 'Sprachen',
  place: 'Ort',
  schedule: 'Zeiten',
  cost: 'Kosten',
  free: 'Kostenlos',
  registrationRequired: 'Anmeldung nötig',
  registration: 'Anmeldung',
  childcare: 'Kinderbetreuung',
  barrierFree: 'Barrierefrei',
  status: 'Status',
  networkIds: 'Netzwerke',
};

/**
 * offers/{offerId}: what actors offer, shared by the networks in networkIds.
 * `lastConfirmedAt` as for actors; absent on older documents.
 */
export const offerSchema = offerInputSchema.extend({
  lastConfirmedAt: optionalTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: z.string(),
});
export type Offer = z.infer<typeof offerSchema>;
export type OfferWithId = Offer & { id: string };
