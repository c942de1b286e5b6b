import { describe, expect, it } from 'vitest';
import {
  DEFAULT_UPKEEP_BODY,
  chooseUpkeepRecipients,
  differingFields,
  startUpkeepRoundInputSchema,
  type UpkeepContactLike,
} from './upkeep.ts';

const actor = (id: string, status = 'published', email = `info@${id}.example`) => ({
  id,
  name: `Akteur ${id}`,
  status,
  publicContact: { email },
});

const contact = (id: string, actorId: string, email: string, given = true): UpkeepContactLike => ({
  id,
  actorId,
  name: `Person ${id}`,
  email,
  consent: { given },
});

describe('whom an upkeep round asks', () => {
  it('asks the first consenting contact with an address, else the public address', () => {
    const { asked, unreachable } = chooseUpkeepRecipients(
      [actor('a'), actor('b')],
      [
        contact('k2', 'a', 'zwei@a.example'),
        contact('k1', 'a', 'eins@a.example'),
        contact('k3', 'b', 'ohne@b.example', false),
      ],
    );
    expect(unreachable).toEqual([]);
    expect(asked).toEqual([
      {
        actorId: 'a',
        entry: expect.objectContaining({
          email: 'eins@a.example',
          contactId: 'k1',
          name: 'Person k1',
          actorName: 'Akteur a',
          status: 'open',
        }),
      },
      {
        actorId: 'b',
        entry: expect.objectContaining({ email: 'info@b.example', contactId: null, name: '' }),
      },
    ]);
  });

  it('leaves out drafts and archived actors and names those nobody can be asked for', () => {
    const { asked, unreachable } = chooseUpkeepRecipients(
      [actor('a', 'draft'), actor('b', 'archived'), actor('c', 'published', '')],
      [contact('k1', 'c', 'kein-at')],
    );
    expect(asked).toEqual([]);
    expect(unreachable).toEqual([{ id: 'c', name: 'Akteur c' }]);
  });
});

describe('starting a round', () => {
  it('fills in the default mail and requires the link placeholder in the text', () => {
    const parsed = startUpkeepRoundInputSchema.parse({ networkId: 'netz' });
    expect(parsed.body).toBe(DEFAULT_UPKEEP_BODY);
    const without = startUpkeepRoundInputSchema.safeParse({
      networkId: 'netz',
      body: 'Bitte prüfen Sie Ihren Eintrag.',
    });
    expect(without.success).toBe(false);
    expect(without.error?.issues[0]?.path).toEqual(['body']);
    expect(without.error?.issues[0]?.message).toContain('{{aktualisierungslink}}');
  });
});

describe('the fields that go to review', () => {
  it('keeps only what differs from the entry', () => {
    const current = { name: 'Café', website: 'https://cafe.example', languages: ['Deutsch'] };
    const proposed = { name: 'Café', website: 'https://neu.example', languages: ['Deutsch'] };
    expect(differingFields(current as never, proposed as never)).toEqual({
      website: 'https://neu.example',
    });
  });
});
