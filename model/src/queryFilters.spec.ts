import { describe, expect, it } from 'vitest';
import { ofNetwork, ofNetworks, publicOnly, publishedOnly } from './queryFilters.ts';

describe('query filters the rules require', () => {
  it('name the fields and operators the rules check', () => {
    expect(publishedOnly).toEqual(['status', '==', 'published']);
    expect(publicOnly).toEqual(['public', '==', true]);
    expect(ofNetwork('hemer')).toEqual(['networkIds', 'array-contains', 'hemer']);
    expect(ofNetworks(['a', 'b'])).toEqual(['networkIds', 'array-contains-any', ['a', 'b']]);
  });

  it('refuse an empty or too long list of networks', () => {
    expect(() => ofNetworks([])).toThrow(RangeError);
    expect(() => ofNetworks(Array.from({ length: 11 }, (_, i) => `n${i}`))).toThrow(RangeError);
  });
});
