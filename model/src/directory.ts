import { z } from 'zod';
import { docId, optionalEmail, optionalText, phone, uniqueList } from './primitives.ts';

// Shared by the region's directory (actors, offers) and by contacts: every entry lists the
// networks whose coordinators maintain it. firestore.rules enforces the same numbers and checks.

export const DIRECTORY_STATUSES = ['draft', 'published', 'archived'] as const;
export const directoryStatusSchema = z.enum(DIRECTORY_STATUSES, {
  error: 'Bitte einen Status wählen.',
});
export type DirectoryStatus = z.infer<typeof directoryStatusSchema>;

export const DIRECTORY_STATUS_LABELS: Record<DirectoryStatus, string> = {
  draft: 'Entwurf',
  published: 'Veröffentlicht',
  archived: 'Archiviert',
};

/** Rules read at most this many network ids per entry (one `hasAny`, no loops). */
export const MAX_NETWORKS_PER_ENTRY = 10;

export const networkIdsSchema = uniqueList(docId, 1, MAX_NETWORKS_PER_ENTRY);

export const addressSchema = z.strictObject({
  street: optionalText(),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, { error: 'Bitte eine fünfstellige Postleitzahl angeben.' })
    .default(''),
  city: optionalText(),
});
export type Address = z.infer<typeof addressSchema>;

export const coordinatesSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type Coordinates = z.infer<typeof coordinatesSchema>;

/** Contact details an organisation publishes (never a person's private data). */
export const publicContactSchema = z.strictObject({
  phone,
  email: optionalEmail,
});
export type PublicContact = z.infer<typeof publicContactSchema>;

// The access decisions below mirror firestore.rules so the web app can hide what would be denied.

/** Is this user a coordinator of at least one network the entry lists (may read and edit it)? */
export function maintainsEntry(
  entryNetworkIds: readonly string[],
  myNetworkIds: readonly string[],
) {
  return entryNetworkIds.some((id) => myNetworkIds.includes(id));
}

/**
 * May a change of the entry's networks be saved? Networks may be added freely (sharing an entry
 * with a neighbouring network), but only networks the user coordinates may be removed, so nobody
 * takes an entry away from another network.
 */
export function networkChangeAllowed(
  before: readonly string[],
  after: readonly string[],
  myNetworkIds: readonly string[],
) {
  return before.filter((id) => !after.includes(id)).every((id) => myNetworkIds.includes(id));
}

/** Deleting is for entries only the user's own networks list; otherwise remove your network. */
export function mayDeleteEntry(
  entryNetworkIds: readonly string[],
  myNetworkIds: readonly string[],
) {
  return entryNetworkIds.every((id) => myNetworkIds.includes(id));
}
