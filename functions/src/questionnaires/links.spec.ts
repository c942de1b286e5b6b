import { describe, expect, it } from 'vitest';
import {
  LINK_GRACE_DAYS,
  linkExpiry,
  linkUrl,
  newLinkToken,
  respondentKeys,
  seal,
  tokenHashOf,
  unseal,
} from './links.ts';

describe('personal questionnaire links', () => {
  it('carry 256 random bits in the fragment', () => {
    const token = newLinkToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newLinkToken()).not.toBe(token);
    expect(linkUrl('https://knotenpunkt.example/', token)).toBe(
      `https://knotenpunkt.example/fragebogen#${token}`,
    );
  });

  it('expire some weeks after the deadline, or after a year without one', () => {
    const now = new Date('2026-11-01T00:00:00Z');
    const deadline = new Date('2026-12-01T00:00:00Z');
    expect(linkExpiry(deadline, now).getTime() - deadline.getTime()).toBe(
      LINK_GRACE_DAYS * 86_400_000,
    );
    expect(linkExpiry(null, now).getUTCFullYear()).toBe(2027);
  });
});

describe('respondent keys', () => {
  it('are the invitation itself when identified, so every link of it reaches the same answers', () => {
    expect(respondentKeys(newLinkToken(), 'inv-1', false)).toEqual({
      responseId: 'inv-1',
      draftId: 'inv-1',
      sealKey: null,
    });
  });

  it('come from the link alone when anonymous, unrelated to the token hash or the invitation', async () => {
    const token = newLinkToken();
    const keys = respondentKeys(token, 'inv-1', true);
    expect(respondentKeys(token, 'inv-2', true)).toEqual(keys);
    expect(keys.responseId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keys.responseId).not.toBe(keys.draftId);
    expect(await tokenHashOf(token)).not.toContain(keys.responseId);
    expect(respondentKeys(newLinkToken(), 'inv-1', true).responseId).not.toBe(keys.responseId);
  });

  it('seal drafts so that only the link opens them', () => {
    const keys = respondentKeys(newLinkToken(), 'inv-1', true);
    const sealed = seal(keys.sealKey!, { thema: 'Wohnungsnot' });
    expect(sealed).not.toContain('Wohnungsnot');
    expect(unseal(keys.sealKey!, sealed)).toEqual({ thema: 'Wohnungsnot' });
    const other = respondentKeys(newLinkToken(), 'inv-1', true);
    expect(() => unseal(other.sealKey!, sealed)).toThrow();
  });
});
