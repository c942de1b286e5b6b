import { describe, expect, it } from 'vitest';
import { countLabel, formatAddress, formatDate, formatFieldValue } from './format.ts';

describe('formatFieldValue', () => {
  it('writes lists, yes/no and status in German', () => {
    expect(formatFieldValue('languages', ['Deutsch', 'Arabisch'])).toBe('Deutsch, Arabisch');
    expect(formatFieldValue('free', true)).toBe('ja');
    expect(formatFieldValue('childcare', false)).toBe('nein');
    expect(formatFieldValue('status', 'published')).toBe('Veröffentlicht');
  });

  it('writes addresses, coordinates with decimal comma and public contact details', () => {
    expect(
      formatFieldValue('address', {
        street: 'Marktplatz 1',
        postalCode: '58675',
        city: 'Hemerfeld',
      }),
    ).toBe('Marktplatz 1, 58675 Hemerfeld');
    expect(formatFieldValue('coordinates', { lat: 51.3817, lng: 7.7712 })).toBe('51,3817 / 7,7712');
    expect(formatFieldValue('publicContact', { phone: '02372 1234', email: '' })).toBe(
      'Telefon 02372 1234',
    );
  });

  it('names actors by their name, and says when one is unknown', () => {
    const names = new Map([['cafe', 'Café International']]);
    expect(formatFieldValue('actorIds', ['cafe', 'weg'], names)).toBe(
      'Café International, unbekannter Akteur (weg)',
    );
  });

  it('is empty for missing values', () => {
    expect(formatFieldValue('website', undefined)).toBe('');
    expect(formatFieldValue('coordinates', null)).toBe('');
    expect(formatFieldValue('languages', [])).toBe('');
  });
});

describe('small formats', () => {
  it('writes dates as day.month.year in Berlin time', () => {
    expect(formatDate(new Date('2026-03-04T23:30:00Z'))).toBe('05.03.2026');
  });

  it('leaves out empty address parts', () => {
    expect(formatAddress({ street: '', postalCode: '', city: 'Hemerfeld' })).toBe('Hemerfeld');
  });

  it('counts with singular and plural', () => {
    expect(countLabel(1, 'Akteur', 'Akteure')).toBe('1 Akteur');
    expect(countLabel(0, 'Akteur', 'Akteure')).toBe('0 Akteure');
  });
});
