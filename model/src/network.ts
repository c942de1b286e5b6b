import { z } from 'zod';
import { DEFAULT_FIELDS_OF_ACTION } from './fieldsOfAction.ts';
import {
  LIMITS,
  optionalEmail,
  optionalText,
  phone,
  requiredText,
  slug,
  textList,
  timestamp,
} from './primitives.ts';

export const contactPersonSchema = z.strictObject({
  name: requiredText(),
  role: optionalText(),
  phone,
  email: optionalEmail,
});
export type ContactPerson = z.infer<typeof contactPersonSchema>;

/** The editable public profile of a network (what the settings form submits). */
export const networkProfileSchema = z.strictObject({
  name: requiredText(),
  region: requiredText(),
  description: optionalText(LIMITS.longText),
  contactPersons: z
    .array(contactPersonSchema)
    .max(10, { error: 'Höchstens 10 Einträge.' })
    .default([]),
  fieldsOfAction: textList(30).default([...DEFAULT_FIELDS_OF_ACTION]),
  public: z.boolean().default(true),
});
export type NetworkProfile = z.infer<typeof networkProfileSchema>;

/** networks/{networkId} */
export const networkSchema = networkProfileSchema.extend({
  slug,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Network = z.infer<typeof networkSchema>;
export type NetworkWithId = Network & { id: string };
