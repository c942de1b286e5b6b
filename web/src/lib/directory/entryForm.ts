// The actor and offer forms edit a few fields as text: lists as "Deutsch, Arabisch" and the
// coordinates as "51,3817" with the German decimal comma. These convert between the stored
// values and the form, and place every message (also the schema's "languages.2") at the input
// that shows it.
import {
  actorInputSchema,
  fieldErrors,
  offerInputSchema,
  type ActorFields,
  type OfferFields,
  type ParseResult,
} from '@knotenpunkt/model';
import { readDecimal, splitList } from '../csv/directoryCsv.ts';

export type ActorFormState = Omit<ActorFields, 'targetGroups' | 'languages' | 'coordinates'> & {
  targetGroups: string;
  languages: string;
  lat: string;
  lng: string;
};

export type OfferFormState = Omit<OfferFields, 'targetGroups' | 'languages'> & {
  targetGroups: string;
  languages: string;
};

const joinList = (items: readonly string[]) => items.join(', ');
const decimalText = (value: number) => String(value).replace('.', ',');

export function actorToForm(fields: ActorFields): ActorFormState {
  const { targetGroups, languages, coordinates, ...rest } = structuredClone(fields);
  return {
    ...rest,
    targetGroups: joinList(targetGroups),
    languages: joinList(languages),
    lat: coordinates ? decimalText(coordinates.lat) : '',
    lng: coordinates ? decimalText(coordinates.lng) : '',
  };
}

export function offerToForm(fields: OfferFields): OfferFormState {
  const { targetGroups, languages, ...rest } = structuredClone(fields);
  return { ...rest, targetGroups: joinList(targetGroups), languages: joinList(languages) };
}

/** The form input a schema path belongs to: "languages.2" → "languages", "coordinates.lat" → "lat". */
export function formFieldOf(path: string): string {
  if (path === 'coordinates') return 'lat';
  if (path.startsWith('coordinates.')) return path.slice('coordinates.'.length);
  const [head = path, second] = path.split('.');
  if (head === 'address' || head === 'publicContact' || head === 'consent') {
    return second ? `${head}.${second}` : head;
  }
  return head;
}

function placeErrors(raw: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(raw)) {
    const field = formFieldOf(path);
    out[field] ??= message;
  }
  return out;
}

function readCoordinates(state: ActorFormState) {
  const errors: Record<string, string> = {};
  const lat = state.lat.trim();
  const lng = state.lng.trim();
  if (!lat && !lng) return { coordinates: null, errors };
  const latValue = readDecimal(lat);
  const lngValue = readDecimal(lng);
  if (!lat) errors.lat = 'Bitte auch den Breitengrad angeben.';
  else if (latValue === undefined) errors.lat = 'Bitte eine Zahl angeben, z. B. 51,3817.';
  if (!lng) errors.lng = 'Bitte auch den Längengrad angeben.';
  else if (lngValue === undefined) errors.lng = 'Bitte eine Zahl angeben, z. B. 7,7712.';
  return {
    coordinates:
      latValue !== undefined && lngValue !== undefined ? { lat: latValue, lng: lngValue } : null,
    errors,
  };
}

export function parseActorForm(state: ActorFormState): ParseResult<ActorFields> {
  const { targetGroups, languages, lat: _lat, lng: _lng, ...rest } = state;
  const { coordinates, errors: coordinateErrors } = readCoordinates(state);
  const result = actorInputSchema.safeParse({
    ...rest,
    targetGroups: splitList(targetGroups),
    languages: splitList(languages),
    coordinates,
  });
  const errors = {
    ...coordinateErrors,
    ...(result.success ? {} : placeErrors(fieldErrors(result.error))),
  };
  if (result.success && Object.keys(errors).length === 0) return { ok: true, value: result.data };
  return { ok: false, fields: errors };
}

export function parseOfferForm(state: OfferFormState): ParseResult<OfferFields> {
  const { targetGroups, languages, ...rest } = state;
  const result = offerInputSchema.safeParse({
    ...rest,
    targetGroups: splitList(targetGroups),
    languages: splitList(languages),
  });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, fields: placeErrors(fieldErrors(result.error)) };
}

/** Input ids in the order the form shows them, for moving focus to the first error. */
export const ACTOR_FORM_ORDER = [
  'name',
  'kinds',
  'shortDescription',
  'description',
  'fieldsOfAction',
  'targetGroups',
  'languages',
  'address.street',
  'address.postalCode',
  'address.city',
  'municipality',
  'district',
  'lat',
  'lng',
  'website',
  'publicContact.phone',
  'publicContact.email',
  'supportWanted',
  'networkIds',
] as const;

export const OFFER_FORM_ORDER = [
  'title',
  'offerTypes',
  'shortDescription',
  'description',
  'actorIds',
  'fieldsOfAction',
  'targetGroups',
  'languages',
  'place',
  'schedule',
  'cost',
  'registration',
  'networkIds',
] as const;

/** The input fields of a stored actor (without id, stamps and confirmation). */
export function actorFieldsOf(actor: ActorFields & Record<string, unknown>): ActorFields {
  const fields = Object.fromEntries(
    Object.keys(actorInputSchema.shape).map((key) => [key, actor[key as keyof ActorFields]]),
  );
  return structuredClone(fields) as ActorFields;
}

/** The input fields of a stored offer. */
export function offerFieldsOf(offer: OfferFields & Record<string, unknown>): OfferFields {
  const fields = Object.fromEntries(
    Object.keys(offerInputSchema.shape).map((key) => [key, offer[key as keyof OfferFields]]),
  );
  return structuredClone(fields) as OfferFields;
}
