import { z } from 'zod';
import {
  addressSchema,
  coordinatesSchema,
  directoryStatusSchema,
  networkIdsSchema,
  publicContactSchema,
} from './directory.ts';
import {
  LIMITS,
  optionalText,
  optionalTimestamp,
  requiredText,
  textList,
  timestamp,
  uniqueList,
  url,
} from './primitives.ts';

export const ACTOR_KINDS = [
  'Verein',
  'Kirchengemeinde',
  'Moscheeverein',
  'Beratungsstelle',
  'Behörde/Kommune',
  'Bildungsträger',
  'Schule',
  'Kita',
  'Jugendzentrum',
  'Migrantenselbstorganisation',
  'Gemeinschaftsunterkunft',
  'Initiative',
  'Stiftung',
  'Sonstiges',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** What the actor form submits (coordinators; later also the upkeep form via a function). */
export const actorInputSchema = z.strictObject({
  name: requiredText(),
  kinds: uniqueList(z.enum(ACTOR_KINDS, { error: 'Bitte eine Art wählen.' }), 1, 5),
  shortDescription: optionalText(300),
  description: optionalText(LIMITS.longText),
  fieldsOfAction: textList(30),
  targetGroups: textList(30),
  languages: textList(30),
  address: addressSchema.prefault({}),
  coordinates: coordinatesSchema.nullable().default(null),
  municipality: optionalText(),
  district: optionalText(),
  website: url,
  publicContact: publicContactSchema.prefault({}),
  supportWanted: optionalText(LIMITS.longText),
  status: directoryStatusSchema.default('draft'),
  networkIds: networkIdsSchema,
});
export type ActorInput = z.input<typeof actorInputSchema>;

/** The values the actor form edits (every input field present, defaults applied). */
export type ActorFields = z.output<typeof actorInputSchema>;
export type ActorField = keyof ActorFields;

/** What the create form starts with (not valid until name and kind are filled in). */
export function emptyActorFields(networkIds: string[]): ActorFields {
  return {
    name: '',
    kinds: [],
    shortDescription: '',
    description: '',
    fieldsOfAction: [],
    targetGroups: [],
    languages: [],
    address: { street: '', postalCode: '', city: '' },
    coordinates: null,
    municipality: '',
    district: '',
    website: '',
    publicContact: { phone: '', email: '' },
    supportWanted: '',
    status: 'draft',
    networkIds: [...networkIds],
  };
}

/** German names of the input fields: form labels, CSV headers, the review inbox's diff. */
export const ACTOR_FIELD_LABELS: Record<ActorField, string> = {
  name: 'Name',
  kinds: 'Art',
  shortDescription: 'Kurzbeschreibung',
  description: 'Beschreibung',
  fieldsOfAction: 'Handlungsfelder',
  targetGroups: 'Zielgruppen',
  languages: 'Sprachen',
  address: 'Adresse',
  coordinates: 'Koordinaten',
  municipality: 'Gemeinde',
  district: 'Stadtteil/Ortsteil',
  website: 'Website',
  publicContact: 'Öffentlicher Kontakt',
  supportWanted: 'Unterstützung gesucht',
  status: 'Status',
  networkIds: 'Netzwerke',
};

/**
 * actors/{actorId}: the region's directory, shared by the networks in networkIds.
 * `lastConfirmedAt`: when someone last said the entry is still current (the upkeep link's
 * "Alles aktuell", or a coordinator after a phone call); absent on older documents.
 */
export const actorSchema = actorInputSchema.extend({
  lastConfirmedAt: optionalTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: z.string(),
});
export type Actor = z.infer<typeof actorSchema>;
export type ActorWithId = Actor & { id: string };
