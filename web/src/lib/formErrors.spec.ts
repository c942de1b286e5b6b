import { describe, expect, it } from 'vitest';
import { fieldId, firstErrorPath } from './formErrors.ts';

describe('fieldId', () => {
  it('turns a dotted path into an element id', () => {
    expect(fieldId('contactPersons.0.email')).toBe('contactPersons-0-email');
    expect(fieldId('name')).toBe('name');
  });
});

describe('firstErrorPath', () => {
  it('picks the error that comes first on the form', () => {
    const errors = { 'contactPersons.0.email': 'x', name: 'y' };
    expect(firstErrorPath(errors, ['name', 'region', 'contactPersons.0.email'])).toBe('name');
  });

  it('falls back to any error when the order does not know the path', () => {
    expect(firstErrorPath({ _: 'x' }, ['name'])).toBe('_');
    expect(firstErrorPath({}, ['name'])).toBeUndefined();
  });
});
