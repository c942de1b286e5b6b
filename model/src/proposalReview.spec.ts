import { describe, expect, it } from 'vitest';
import { actorInputSchema } from './actor.ts';
import { offerInputSchema } from './offer.ts';
import { acceptableKeys, applyProposal, proposalChanges, sameValue } from './proposalReview.ts';

const cafe = actorInputSchema.parse({
  name: 'Café International e. V.',
  kinds: ['Verein'],
  shortDescription: 'Begegnungscafé',
  languages: ['Deutsch', 'Arabisch'],
  address: { street: 'Marktplatz 1', postalCode: '58675', city: 'Hemerfeld' },
  networkIds: ['hemer'],
  status: 'published',
});

describe('sameValue', () => {
  it('compares content: trimmed text, lists in order, objects in any key order', () => {
    expect(sameValue(' Café ', 'Café')).toBe(true);
    expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue({ lat: 1, lng: 2 }, { lng: 2, lat: 1 })).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue('', null)).toBe(false);
  });
});

describe('proposalChanges', () => {
  it('lists the proposed fields in form order beside the current values', () => {
    const changes = proposalChanges(
      'actor',
      { languages: ['Deutsch', 'Arabisch', 'Farsi'], name: 'Café International' },
      cafe,
    );
    expect(changes.map((c) => c.key)).toEqual(['name', 'languages']);
    expect(changes[0]).toMatchObject({
      label: 'Name',
      current: 'Café International e. V.',
      proposed: 'Café International',
      changed: true,
      applicable: true,
    });
  });

  it('marks fields that equal the entry as unchanged', () => {
    const [change] = proposalChanges('actor', { shortDescription: 'Begegnungscafé ' }, cafe);
    expect(change?.changed).toBe(false);
  });

  it('shows a new entry against nothing, and its empty fields as no change', () => {
    const changes = proposalChanges(
      'offer',
      { title: 'Nähcafé', description: '', languages: [], free: true, childcare: false },
      null,
    );
    expect(changes.map((c) => [c.key, c.current, c.changed])).toEqual([
      ['title', undefined, true],
      ['description', undefined, false],
      ['languages', undefined, false],
      ['free', undefined, true],
      ['childcare', undefined, false],
    ]);
    expect(acceptableKeys(changes)).toEqual(['title', 'free']);
  });

  it('shows status, networks and unknown keys but never offers to apply them', () => {
    const changes = proposalChanges(
      'actor',
      { status: 'published', networkIds: ['x'], favourite: true },
      cafe,
    );
    expect(changes.map((c) => [c.key, c.label, c.applicable])).toEqual([
      ['status', 'Status', false],
      ['networkIds', 'Netzwerke', false],
      ['favourite', 'favourite', false],
    ]);
    expect(acceptableKeys(changes)).toEqual([]);
  });
});

describe('applyProposal', () => {
  const proposal = {
    entity: 'actor' as const,
    networkIds: ['hemer'],
    fields: {
      shortDescription: 'Begegnungscafé, jetzt auch samstags',
      website: 'https://cafe.example',
      status: 'archived',
    },
  };

  it('replaces only the accepted fields of the entry', () => {
    const result = actorInputSchema.parse(applyProposal(proposal, cafe, ['website']));
    expect(result.website).toBe('https://cafe.example');
    expect(result.shortDescription).toBe('Begegnungscafé');
    expect(result.name).toBe(cafe.name);
  });

  it('accepts every field at once', () => {
    const keys = acceptableKeys(proposalChanges('actor', proposal.fields, cafe));
    const result = actorInputSchema.parse(applyProposal(proposal, cafe, keys));
    expect(result.shortDescription).toBe('Begegnungscafé, jetzt auch samstags');
    expect(result.website).toBe('https://cafe.example');
  });

  it('never applies the status or the networks, even when asked to', () => {
    const result = applyProposal(proposal, cafe, ['status', 'networkIds']);
    expect(result.status).toBe('published');
    expect(result.networkIds).toEqual(['hemer']);
  });

  it('does not change the current entry it started from', () => {
    applyProposal(proposal, cafe, ['website']);
    expect(cafe.website).toBe('');
  });

  it('starts a proposed new offer as a draft of the proposal’s networks', () => {
    const result = offerInputSchema.parse(
      applyProposal(
        {
          entity: 'offer',
          networkIds: ['hemer', 'rheinwald'],
          fields: { title: 'Nähcafé', actorIds: ['cafe'], offerTypes: ['Begegnung'] },
        },
        null,
        ['title', 'actorIds', 'offerTypes'],
      ),
    );
    expect(result).toMatchObject({
      title: 'Nähcafé',
      status: 'draft',
      networkIds: ['hemer', 'rheinwald'],
    });
  });

  it('leaves a new entry invalid when required fields were not accepted', () => {
    const result = actorInputSchema.safeParse(
      applyProposal(
        {
          entity: 'actor',
          networkIds: ['hemer'],
          fields: { name: 'Nähcafé', kinds: ['Initiative'] },
        },
        null,
        ['name'],
      ),
    );
    expect(result.error?.issues[0]?.path).toEqual(['kinds']);
  });
});
