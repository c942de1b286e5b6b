import { z } from 'zod';
import { directoryStatusSchema, networkIdsSchema } from './directory.ts';
import {
  LIMITS,
  docId,
  optionalText,
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

/** offers/{offerId}: what actors offer, shared by the networks in networkIds. */
export const offerSchema = offerInputSchema.extend({
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: z.string(),
});
export type Offer = z.infer<typeof offerSchema>;
export type OfferWithId = Offer & { id: string };
