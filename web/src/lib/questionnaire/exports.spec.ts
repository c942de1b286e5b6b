import { describe, expect, it } from 'vitest';
import {
  contributionOf,
  needsAndResourcesTemplate,
  pairings,
  questionnaireInputSchema,
  tallyOf,
} from '@knotenpunkt/model';
import { aggregatesCsv, gapCsv, pairingsCsv, rawCsv, segmentName } from './exports.ts';

const q = questionnaireInputSchema.parse(needsAndResourcesTemplate(['Wohnen']));
const respondent = {
  invitationId: 'i1',
  name: 'Leyla Yıldız',
  actorId: 'kita',
  actorName: 'Kita Regenbogen',
  kinds: ['Kita'],
  fields: [],
};
const answers = {
  handlungsfelder: { options: ['wohnen'], other: '' },
  bedarf: { options: ['raeume'], other: 'Busse' },
  'bedarf-sprachen': { options: ['arabisch'], other: '' },
  vernetzt: 4,
  reichweite: 1200,
};
const other = {
  handlungsfelder: { options: ['wohnen'], other: '' },
  angebot: { options: ['raeume'], other: '' },
  vernetzt: 2,
};
const tally = tallyOf([
  ['a', contributionOf(q.sections, answers, respondent)],
  [
    'b',
    contributionOf(q.sections, other, { ...respondent, actorId: 'verein', actorName: 'Verein' }),
  ],
]);
const lines = (csv: string) => csv.replace('\uFEFF', '').trim().split('\r\n');

describe('CSV exports', () => {
  it('lists counts, shares and the scale statistics of a breakdown', () => {
    const csv = lines(aggregatesCsv(q.sections, tally, 'field:Wohnen'));
    expect(csv[0]).toBe('Frage;Teilgruppe;Antwort;Anzahl;Anteil (%);Mittelwert;Median');
    expect(csv).toContain(
      'Was braucht Ihre Organisation für ihre Arbeit?;Handlungsfeld: Wohnen;Räume;1;100;;',
    );
    expect(csv).toContain(
      'Ich weiß, an wen ich mich im Netzwerk mit einer Frage wenden kann.;Handlungsfeld: Wohnen;gesamt;2;;3;3',
    );
    expect(csv).toContain(
      'Wie viele Menschen erreichen Sie im Monat ungefähr?;Handlungsfeld: Wohnen;gesamt;1;;1200;1200',
    );
    expect(segmentName('kind:Kita')).toBe('Art: Kita');
  });

  it('exports raw answers with the actor when identified and without when anonymous', () => {
    const responses = [{ answers, respondent }];
    const named = lines(rawCsv(q.sections, responses, false));
    expect(named[0]!.startsWith('Akteur;Person;In welchen Handlungsfeldern')).toBe(true);
    expect(named[1]).toContain(
      'Kita Regenbogen;Leyla Yıldız;Wohnen;1200;Räume, Sonstiges: Busse;Arabisch',
    );
    const anonymous = lines(rawCsv(q.sections, responses, true)).join('\n');
    expect(anonymous).not.toContain('Kita Regenbogen');
    expect(anonymous).not.toContain('Leyla');
    expect(anonymous).toContain('Räume, Sonstiges: Busse');
  });

  it('exports the gap map and the pairings', () => {
    const gap = lines(gapCsv(q.sections, tally));
    expect(gap[0]).toBe('Kategorie;Bedarf gesamt;Angebot gesamt;Bedarf Wohnen;Angebot Wohnen');
    expect(gap).toContain('Räume;1;1;1;1');
    const list = pairings(q.sections, [
      { id: 'a', answers, by: 'Kita Regenbogen', actorId: 'kita' },
      { id: 'b', answers: other, by: 'Verein', actorId: 'verein' },
    ]);
    expect(lines(pairingsCsv(list))).toEqual([
      'Kategorie;Braucht;Bietet an',
      'Räume;Kita Regenbogen;Verein',
    ]);
  });
});
