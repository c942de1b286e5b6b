import { describe, expect, it } from 'vitest';
import { tokenFromHash } from './subscribersPublic.ts';

describe('tokenFromHash', () => {
  const token = 'A'.repeat(40) + '-_x';

  it('reads the token of a personal link from the fragment', () => {
    expect(tokenFromHash(`#t=${token}`)).toBe(token);
  });

  it('ignores a missing, truncated or foreign fragment', () => {
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash(`#t=${token.slice(0, 20)}`)).toBeNull();
    expect(tokenFromHash('#inhalt')).toBeNull();
  });
});
