import { describe, expect, it } from 'vitest';
import type { Pairing } from '@knotenpunkt/model';
import { groupPairings } from './pairGroups';

const pair = (needBy: string, category: string, offerBy: string): Pairing => ({
  category,
  group: 'g',
  option: category,
  needBy,
  needActorId: null,
  offerBy,
  offerActorId: null,
});

describe('groupPairings', () => {
  it('names everyone who offers what one actor needs on one line, in the order given', () => {
    expect(
      groupPairings([
        pair('Grundschule', 'Dolmetschen Arabisch', 'AWO'),
        pair('Grundschule', 'Dolmetschen Arabisch', 'DITIB'),
        pair('Grundschule', 'Räume', 'Jugendzentrum'),
        pair('Kita', 'Dolmetschen Arabisch', 'AWO'),
      ]),
    ).toEqual([
      { needBy: 'Grundschule', category: 'Dolmetschen Arabisch', offerBy: ['AWO', 'DITIB'] },
      { needBy: 'Grundschule', category: 'Räume', offerBy: ['Jugendzentrum'] },
      { needBy: 'Kita', category: 'Dolmetschen Arabisch', offerBy: ['AWO'] },
    ]);
  });
});
