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

/** actors/{actorId}: the region's directory, shared by the networks in networkIds. */
export const actorSchema = actorInputSchema.extend({
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: z.string(),
});
export type Actor = z.infer<typeof actorSchema>;
export type ActorWithId = Actor & { id: string };
