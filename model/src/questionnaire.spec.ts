import { describe, expect, it } from 'vitest';
import {
  acceptsAnswers,
  invitationProgress,
  invitationSchema,
  keyFromLabel,
  laterStatus,
  openLinkUrl,
  parseOpenLinkFragment,
  questionnaireInputSchema,
  questionsOf,
  structureChange,
} from './questionnaire.ts';
import { needsAndResourcesTemplate } from './questionnaireTemplate.ts';

const choice = {
  id: 'angebot',
  kind: 'single',
  label: 'Gibt es ein Angebot?',
  options: [
    { id: 'ja', label: 'Ja' },
    { id: 'nein', label: 'Nein' },
  ],
};
const section = (questions: unknown[]) => [{ id: 'a', title: 'Teil A', questions }];

describe('questionnaireInputSchema', () => {
  it('starts as a named, identified draft whose results only coordinators see', () => {
    const q = questionnaireInputSchema.parse({ title: 'Bedarfe und Ressourcen 2026' });
    expect(q).toMatchObject({
      status: 'draft',
      anonymous: false,
      resultsVisibility: 'coordinators',
      sections: [],
      reminderDaysBefore: null,
    });
  });

  it('needs two options for a choice question', () => {
    const result = questionnaireInputSchema.safeParse({
      title: 'T',
      sections: section([{ ...choice, options: [{ id: 'ja', label: 'Ja' }] }]),
    });
    expect(result.error?.issues[0]?.path).toEqual(['sections', 0, 'questions', 0, 'options']);
  });

  it('refuses two questions with the same id, also across sections', () => {
    const result = questionnaireInputSchema.safeParse({
      title: 'T',
      sections: [...section([choice]), { id: 'b', questions: [choice] }],
    });
    expect(result.error?.issues[0]?.message).toBe('Jede Frage braucht eine eigene Kennung.');
  });

  it('refuses a match group whose need and offer questions list different options', () => {
    const need = {
      ...choice,
      kind: 'multiple',
      id: 'need',
      match: { key: 'res', side: 'need' },
    };
    const offer = {
      ...need,
      id: 'offer',
      options: [...choice.options, { id: 'vielleicht', label: 'Vielleicht' }],
      match: { key: 'res', side: 'offer' },
    };
    const result = questionnaireInputSchema.safeParse({
      title: 'T',
      sections: section([need, offer]),
    });
    expect(result.error?.issues[0]?.message).toMatch(/Abgleichsgruppe „res“/);
  });

  it('refuses a matrix without rows and a number range upside down', () => {
    const result = questionnaireInputSchema.safeParse({
      title: 'T',
      sections: section([
        { id: 'm', kind: 'matrix', label: 'Matrix' },
        { id: 'n', kind: 'number', label: 'Zahl', min: 10, max: 1 },
      ]),
    });
    expect(result.error?.issues.map((i) => i.path.at(-1))).toEqual(['rows', 'max']);
  });

  it('parses the template with both match groups and a Handlungsfeld picker', () => {
    const q = questionnaireInputSchema.parse(needsAndResourcesTemplate(['Wohnen', 'Gesundheit']));
    const questions = questionsOf(q);
    expect(questions.find((x) => x.kind === 'fieldOfAction')?.options.map((o) => o.label)).toEqual([
      'Wohnen',
      'Gesundheit',
    ]);
    expect(questions.filter((x) => x.match).map((x) => `${x.match!.key}/${x.match!.side}`)).toEqual(
      ['ressourcen/need', 'dolmetschen/need', 'ressourcen/offer', 'dolmetschen/offer'],
    );
  });
});

describe('structureChange', () => {
  const parse = (sections: unknown) =>
    questionnaireInputSchema.parse({ title: 'T', sections }).sections;

  it('allows corrected wording of questions and options', () => {
    const before = parse(section([choice]));
    const after = parse(
      section([
        {
          ...choice,
          label: 'Gibt es Angebote?',
          options: [{ id: 'ja', label: 'Ja, gibt es' }, choice.options[1]],
        },
      ]),
    );
    expect(structureChange(before, after)).toBeNull();
  });

  it('refuses a new option, a reordered question or another kind', () => {
    const before = parse(section([choice, { id: 't', kind: 'shortText', label: 'Text' }]));
    const cases = [
      section([
        { ...choice, options: [...choice.options, { id: 'x', label: 'X' }] },
        { id: 't', kind: 'shortText', label: 'Text' },
      ]),
      section([{ id: 't', kind: 'shortText', label: 'Text' }, choice]),
      section([choice, { id: 't', kind: 'longText', label: 'Text' }]),
    ];
    for (const sections of cases)
      expect(structureChange(before, parse(sections))).toMatch(/stehen fest/);
  });
});

describe('acceptsAnswers', () => {
  const now = new Date('2026-12-01T12:00:00Z');

  it('accepts while open and until the deadline', () => {
    expect(acceptsAnswers({ status: 'open', deadline: null }, now)).toBe(true);
    expect(acceptsAnswers({ status: 'open', deadline: new Date('2026-12-02') }, now)).toBe(true);
    expect(acceptsAnswers({ status: 'open', deadline: now }, now)).toBe(true);
  });

  it('refuses drafts, closed questionnaires and late answers', () => {
    expect(acceptsAnswers({ status: 'draft', deadline: null }, now)).toBe(false);
    expect(acceptsAnswers({ status: 'closed', deadline: null }, now)).toBe(false);
    expect(acceptsAnswers({ status: 'open', deadline: new Date('2026-11-30') }, now)).toBe(false);
  });
});

describe('keyFromLabel', () => {
  it('turns a German label into a key and keeps keys unique', () => {
    expect(keyFromLabel('Räume für Gruppen', [])).toBe('raeume-fuer-gruppen');
    expect(keyFromLabel('Räume für Gruppen', ['raeume-fuer-gruppen'])).toBe(
      'raeume-fuer-gruppen-2',
    );
    expect(keyFromLabel('???', [])).toBe('f');
    expect(keyFromLabel('Other', [])).toBe('f-other');
  });
});

describe('invitation progress', () => {
  it('counts each invitation once by its status and never moves backwards', () => {
    expect(
      invitationProgress([{ status: 'invited' }, { status: 'draft' }, { status: 'submitted' }]),
    ).toEqual({ total: 3, invited: 1, opened: 0, draft: 1, submitted: 1 });
    expect(laterStatus('submitted', 'draft')).toBe('submitted');
    expect(laterStatus('opened', 'draft')).toBe('draft');
  });
});

describe('the open link', () => {
  it('is off unless switched on', () => {
    expect(questionnaireInputSchema.parse({ title: 'Umfrage' }).openLink).toBe(false);
  });

  it('carries network and questionnaire in the fragment and reads them back', () => {
    const key = { networkId: 'landkreis-rheinwald', questionnaireId: 'Ab3_x-9' };
    const url = openLinkUrl('https://example.org/', key);
    expect(url).toBe('https://example.org/fragebogen/offen#landkreis-rheinwald/Ab3_x-9');
    expect(parseOpenLinkFragment(url.slice(url.indexOf('#')))).toEqual(key);
  });

  it('reads nothing from a fragment that is not two ids', () => {
    for (const fragment of ['', '#', '#nur-eins', '#a/b/c', '#a/b c', '#a/']) {
      expect(parseOpenLinkFragment(fragment), fragment).toBeNull();
    }
  });

  it('invitations have an address unless they came through the open link', () => {
    const base = {
      name: '',
      sourceRef: 'offener-link',
      actorId: null,
      actorName: '',
      actorKinds: [],
      actorFields: [],
      status: 'opened',
      invitedAt: new Date(),
      mailingIds: [],
      reminders: 0,
      lastRemindedAt: null,
      openedAt: null,
      submittedAt: null,
    };
    expect(invitationSchema.safeParse({ ...base, email: '', source: 'open' }).success).toBe(true);
    expect(invitationSchema.safeParse({ ...base, email: '', source: 'contact' }).success).toBe(
      false,
    );
  });
});
