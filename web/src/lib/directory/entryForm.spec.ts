import { describe, expect, it } from 'vitest';
import { emptyActorFields, emptyOfferFields } from '@knotenpunkt/model';
import {
  actorFieldsOf,
  actorToForm,
  formFieldOf,
  offerFieldsOf,
  offerToForm,
  parseActorForm,
  parseOfferForm,
} from './entryForm.ts';

describe('actor form', () => {
  const filled = () => ({
    ...actorToForm(emptyActorFields(['hemer'])),
    name: 'Nähcafé',
    kinds: ['Initiative' as const],
  });

  it('edits lists as comma text and coordinates with decimal comma', () => {
    const form = actorToForm({
      ...emptyActorFields(['hemer']),
      languages: ['Deutsch', 'Farsi'],
      coordinates: { lat: 51.38, lng: 7.77 },
    });
    expect(form.languages).toBe('Deutsch, Farsi');
    expect([form.lat, form.lng]).toEqual(['51,38', '7,77']);
  });

  it('reads the text back into the stored values', () => {
    const result = parseActorForm({
      ...filled(),
      languages: 'Deutsch,  Farsi ,',
      lat: '51,38',
      lng: '7.77',
    });
    expect(result.ok && result.value.languages).toEqual(['Deutsch', 'Farsi']);
    expect(result.ok && result.value.coordinates).toEqual({ lat: 51.38, lng: 7.77 });
  });

  it('keeps no coordinates when both are empty', () => {
    const result = parseActorForm(filled());
    expect(result.ok && result.value.coordinates).toBeNull();
  });

  it('puts every message at its input', () => {
    const result = parseActorForm({
      ...actorToForm(emptyActorFields(['hemer'])),
      lat: '51,38',
      lng: 'Ost',
      address: { street: '', postalCode: '123', city: '' },
      publicContact: { phone: '', email: 'kein-mail' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fields).toMatchObject({
      name: 'Bitte ausfüllen.',
      kinds: 'Bitte mindestens einen Eintrag wählen.',
      lng: 'Bitte eine Zahl angeben, z. B. 7,7712.',
      'address.postalCode': 'Bitte eine fünfstellige Postleitzahl angeben.',
      'publicContact.email': 'Bitte eine gültige E-Mail-Adresse angeben.',
    });
  });

  it('asks for the missing half of the coordinates', () => {
    const result = parseActorForm({ ...filled(), lat: '51,38' });
    expect(!result.ok && result.fields.lng).toBe('Bitte auch den Längengrad angeben.');
  });
});

describe('offer form', () => {
  it('round-trips an offer and names its missing fields', () => {
    const form = offerToForm(emptyOfferFields(['hemer'], ['cafe']));
    const result = parseOfferForm({ ...form, targetGroups: 'Frauen, Kinder' });
    expect(!result.ok && Object.keys(result.fields).sort()).toEqual(['offerTypes', 'title']);
    const ok = parseOfferForm({
      ...form,
      title: 'Sprachcafé',
      offerTypes: ['Sprachtreff'],
      targetGroups: 'Frauen, Kinder',
    });
    expect(ok.ok && ok.value.targetGroups).toEqual(['Frauen', 'Kinder']);
  });
});

describe('formFieldOf', () => {
  it('maps schema paths to input ids', () => {
    expect(formFieldOf('languages.2')).toBe('languages');
    expect(formFieldOf('coordinates.lat')).toBe('lat');
    expect(formFieldOf('coordinates')).toBe('lat');
    expect(formFieldOf('address.postalCode')).toBe('address.postalCode');
    expect(formFieldOf('actorIds.0')).toBe('actorIds');
  });
});

describe('fields of stored entries', () => {
  it('keeps the input fields and drops id, stamps and confirmation', () => {
    const stored = {
      ...emptyActorFields(['hemer']),
      name: 'Kita',
      id: 'kita',
      createdAt: new Date(),
      updatedAt: new Date(),
      updatedBy: 'u1',
      lastConfirmedAt: null,
    };
    const fields = actorFieldsOf(stored);
    expect(Object.keys(fields)).not.toContain('id');
    expect(Object.keys(fields)).not.toContain('updatedAt');
    expect(fields.name).toBe('Kita');
    const offer = offerFieldsOf({ ...emptyOfferFields(['hemer']), id: 'o1', updatedBy: 'u1' });
    expect(Object.keys(offer)).not.toContain('updatedBy');
  });
});
