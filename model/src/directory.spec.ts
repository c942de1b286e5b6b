import { describe, expect, it } from 'vitest';
import {
  addressSchema,
  maintainsEntry,
  mayDeleteEntry,
  networkChangeAllowed,
  networkIdsSchema,
} from './directory.ts';

describe('networkIdsSchema', () => {
  it('accepts one to ten distinct network ids', () => {
    expect(networkIdsSchema.safeParse(['a']).success).toBe(true);
    expect(networkIdsSchema.safeParse(Array.from({ length: 10 }, (_, i) => `n${i}`)).success).toBe(
      true,
    );
  });

  it('refuses an empty list, eleven ids and repetitions', () => {
    expect(networkIdsSchema.safeParse([]).success).toBe(false);
    expect(networkIdsSchema.safeParse(Array.from({ length: 11 }, (_, i) => `n${i}`)).success).toBe(
      false,
    );
    expect(networkIdsSchema.safeParse(['a', 'a']).success).toBe(false);
  });
});

describe('addressSchema', () => {
  it('fills missing parts with empty text and checks the postal code', () => {
    expect(addressSchema.parse({})).toEqual({ street: '', postalCode: '', city: '' });
    expect(addressSchema.safeParse({ postalCode: '5858' }).success).toBe(false);
  });
});

describe('directory access', () => {
  it('a coordinator maintains entries that list one of their networks', () => {
    expect(maintainsEntry(['a', 'b'], ['b'])).toBe(true);
    expect(maintainsEntry(['a'], ['b'])).toBe(false);
    expect(maintainsEntry(['a'], [])).toBe(false);
  });

  it('networks may be added freely but only own networks removed', () => {
    expect(networkChangeAllowed(['a'], ['a', 'b'], ['a'])).toBe(true);
    expect(networkChangeAllowed(['a', 'b'], ['b'], ['a'])).toBe(true);
    expect(networkChangeAllowed(['a', 'b'], ['a'], ['a'])).toBe(false);
  });

  it('an entry may be deleted only when every listed network is the user’s own', () => {
    expect(mayDeleteEntry(['a'], ['a', 'c'])).toBe(true);
    expect(mayDeleteEntry(['a', 'b'], ['a'])).toBe(false);
  });
});
