// Answering a questionnaire through the personal link (HTTP through the Hosting rewrite), and the
// exact aggregation: triggers that fire twice, runs at the same time, concurrent submissions and
// edits all end with results equal to a count from scratch.
import { Timestamp } from 'firebase-admin/firestore';
import { beforeAll, describe, expect, it } from 'vitest';
import { paths, sameTally, tallyOf } from '@knotenpunkt/model';
import {
  countFromScratch,
  drain,
  handleResponseWritten,
  recount,
} from '../../functions/src/questionnaires/aggregate.ts';
import { markInvitationSubmitted } from '../../functions/src/questionnaires/answer.ts';
import { tokenHashOf } from '../../functions/src/questionnaires/links.ts';
import type { Enqueue } from '../../functions/src/questionnaires/tasks.ts';
import { adminDb, eventually } from '../support/admin.ts';
import { freshDemo } from '../support/seed.ts';
import {
  answersFor,
  api,
  openQuestionnaire,
  pendingCount,
  responseDocs,
  summaryTally,
} from './questionnaireSupport.ts';

beforeAll(freshDemo);

const FAST = { minIntervalMs: 0 };

describe('answering through the personal link', () => {
  it('loads the questionnaire, keeps a draft, resumes it with the same link and submits', async () => {
    const { key, tokens, invitationIds } = await openQuestionnaire();
    const token = tokens[0]!;
    const invitation = adminDb.doc(
      paths.invitation(key.networkId, key.questionnaireId, invitationIds[0]!),
    );

    const first = await api('laden', { token });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      state: 'open',
      title: 'Bedarfe und Ressourcen',
      respondent: { name: 'Person 0', actorName: 'Akteur 0' },
      answers: {},
      draftSaved: false,
    });
    expect((await invitation.get()).get('status')).toBe('opened');

    const partial = { thema: 'Sprachmittlung', vernetzt: 4 };
    const saved = await api('entwurf', { token, answers: partial });
    expect(saved.status).toBe(200);
    expect((await invitation.get()).get('status')).toBe('draft');
    expect(await responseDocs(key)).toHaveLength(0);

    const resumed = await api('laden', { token });
    expect(resumed.body).toMatchObject({ state: 'open', answers: partial, draftSaved: true });

    const sent = await api('absenden', { token, answers: answersFor(1) });
    expect(sent.status).toBe(200);
    expect((await invitation.get()).get('status')).toBe('submitted');
    const [response] = await responseDocs(key);
    expect(response?.id).toBe(invitationIds[0]);
    expect(response?.get('respondent')).toMatchObject({ actorName: 'Akteur 0', kinds: ['Kita'] });

    const after = await api('laden', { token });
    expect(after.body).toMatchObject({ state: 'submitted', submitted: true, draftSaved: false });

    // Editable until the deadline: a second submission replaces the first.
    const edited = await api('absenden', { token, answers: answersFor(2) });
    expect(edited.status).toBe(200);
    const docs = await responseDocs(key);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.get('version')).toBe(2);
  });

  it('answers an unknown, malformed, expired or foreign token with 404 and stores nothing', async () => {
    const { key, tokens } = await openQuestionnaire({}, 1);
    const expired = tokens[0]!;
    await adminDb
      .doc(paths.token(await tokenHashOf(expired)))
      .update({ expiresAt: Timestamp.fromMillis(Date.now() - 1000) });
    const foreign = 'x'.repeat(43);
    await adminDb.doc(paths.token(await tokenHashOf(foreign))).set({
      purpose: 'unsubscribe',
      networkId: key.networkId,
      targetPath: `networks/${key.networkId}/subscribers/x`,
      expiresAt: null,
      usedAt: null,
      createdAt: Timestamp.now(),
    });
    for (const token of [expired, foreign, 'y'.repeat(43), 'kurz']) {
      for (const route of ['laden', 'entwurf', 'absenden'] as const) {
        const res = await api(route, route === 'laden' ? { token } : { token, answers: {} });
        expect(res.status, `${route} ${token.slice(0, 4)}`).toBe(404);
        expect(res.body.message).toMatch(/Link zum Fragebogen ist ungültig oder abgelaufen/);
      }
    }
    expect(await responseDocs(key)).toHaveLength(0);
  });

  it('after the deadline shows the closed state and refuses drafts and answers with 410', async () => {
    const { key, tokens } = await openQuestionnaire({ deadline: new Date(Date.now() - 60_000) }, 1);
    const token = tokens[0]!;
    expect((await api('laden', { token })).body).toMatchObject({ state: 'closed' });
    for (const route of ['entwurf', 'absenden'] as const) {
      const res = await api(route, { token, answers: answersFor(0) });
      expect(res.status).toBe(410);
      expect(res.body.message).toMatch(/Frist für diesen Fragebogen ist abgelaufen/);
    }
    expect(await responseDocs(key)).toHaveLength(0);
  });

  it('answers bad answers with 400 naming the question, and stores nothing', async () => {
    const { key, tokens, invitationIds } = await openQuestionnaire({}, 1);
    const token = tokens[0]!;
    const good = answersFor(0);
    const cases: Array<[string, object, string, RegExp]> = [
      ['a wrong type', { ...good, vernetzt: 'sehr' }, 'vernetzt', /1 bis 5/],
      ['a required question left out', { ...good, vernetzt: null }, 'vernetzt', /beantworten/],
      [
        'an unknown option',
        { ...good, bedarf: { options: ['gold'], other: '' } },
        'bedarf',
        /gibt es bei der Frage nicht/,
      ],
      ['an oversized text', { ...good, thema: 'x'.repeat(301) }, 'thema', /Höchstens 300/],
      ['an unknown question', { ...good, gibtsnicht: 1 }, 'gibtsnicht', /gibt es nicht/],
    ];
    for (const [what, answers, field, message] of cases) {
      const res = await api('absenden', { token, answers });
      expect(res.status, what).toBe(400);
      expect(res.body.field, what).toBe(field);
      expect(res.body.fields?.[field], what).toMatch(message);
      expect(res.body.message, what).toMatch(/Bitte prüfen Sie Ihre Antworten/);
    }
    const res = await api('absenden', { token, answers: { ...good, vernetzt: 9 } });
    expect(res.body.message).toMatch(/Frage „Ich weiß, an wen ich mich im Netzwerk/);
    expect(await responseDocs(key)).toHaveLength(0);
    const invitation = await adminDb
      .doc(paths.invitation(key.networkId, key.questionnaireId, invitationIds[0]!))
      .get();
    expect(invitation.get('status')).toBe('invited');
  });
});

describe('exact aggregation', () => {
  it('enqueues one run for a trigger that fires twice, and runs at the same time count once', async () => {
    const { key, tokens } = await openQuestionnaire({}, 6);
    for (const [i, token] of tokens.entries()) {
      expect((await api('absenden', { token, answers: answersFor(i) })).status).toBe(200);
    }
    const enqueued: string[] = [];
    const enqueue: Enqueue = async (_task, opts) => {
      if (enqueued.includes(opts.id!)) return 'exists';
      enqueued.push(opts.id!);
      return 'enqueued';
    };
    const now = new Date();
    const event = { pending: true };
    const outcomes = [
      await handleResponseWritten(key, event, { enqueue, now }),
      await handleResponseWritten(key, event, { enqueue, now }),
      await handleResponseWritten(key, { pending: false }, { enqueue, now }),
    ];
    expect(outcomes).toEqual(['enqueued', 'exists', 'idle']);

    // Three runs at once (and the real trigger's run besides): each response counts once.
    await Promise.all([
      drain(adminDb, key, FAST),
      drain(adminDb, key, FAST),
      drain(adminDb, key, FAST),
    ]);
    await drain(adminDb, key, FAST);
    expect(await pendingCount(key)).toBe(0);
    const tally = await summaryTally(key);
    expect(tally?.segments.all?.n).toBe(6);
    expect(sameTally(tally!, await countFromScratch(adminDb, key))).toBe(true);
  });

  it('moves an edited answer that was already counted from the old option to the new one, also with two runs at once', async () => {
    const { key, tokens } = await openQuestionnaire({}, 2);
    for (const [i, token] of tokens.entries()) {
      expect((await api('absenden', { token, answers: answersFor(i) })).status).toBe(200);
    }
    await drain(adminDb, key, FAST);
    expect((await summaryTally(key))?.segments.all?.counts.vernetzt).toEqual({ _: 2, 1: 1, 2: 1 });

    // Person 0 changes the scale answer from 1 to 4 and the topic after being counted.
    const edited = { ...answersFor(0), vernetzt: 4, thema: 'Neues Thema' };
    expect((await api('absenden', { token: tokens[0], answers: edited })).status).toBe(200);
    await Promise.all([drain(adminDb, key, FAST), drain(adminDb, key, FAST)]);

    const tally = (await summaryTally(key))!;
    expect(tally.segments.all?.n).toBe(2);
    expect(tally.segments.all?.counts.vernetzt).toEqual({ _: 2, 2: 1, 4: 1 });
    const topics = Object.values(tally.texts.thema ?? {}).map((e) => e.t);
    expect(topics.sort()).toEqual(['Neues Thema', 'Thema 1']);
    expect(sameTally(tally, await countFromScratch(adminDb, key))).toBe(true);
  });

  // 16 at once: each starts a runtime process of the functions emulator on a 2-core machine.
  // The burst spans several aggregation windows; the Tasks emulator dispatches a window's run at
  // once, so this also checks that a run waits for its window's end (it failed before it did).
  it(
    'ends with results equal to the recount after concurrent submissions and edits',
    {
      timeout: 120_000,
    },
    async () => {
      const { key, tokens } = await openQuestionnaire({}, 16);
      // Everyone submits at once; a third edit their answers at the same time as others submit.
      await Promise.all(
        tokens.map(async (token, i) => {
          const first = await api('absenden', { token, answers: answersFor(i) });
          expect(first.status).toBe(200);
          if (i % 3 === 0) {
            const edit = await api('absenden', { token, answers: answersFor(i + 1) });
            expect(edit.status).toBe(200);
          }
        }),
      );
      // The real path: response trigger → task queue → aggregation run.
      const settled = await eventually(async () => {
        if ((await pendingCount(key)) > 0) return undefined;
        const tally = await summaryTally(key);
        return tally?.segments.all?.n === 16 ? tally : undefined;
      }, 90_000);
      const scratch = await countFromScratch(adminDb, key);
      expect(sameTally(settled, scratch)).toBe(true);
      const expected = tallyOf((await responseDocs(key)).map((d) => [d.id, d.get('contribution')]));
      expect(sameTally(settled, expected)).toBe(true);

      // "Neu berechnen" rebuilds the same figures.
      const result = await recount(adminDb, key, new Date(), FAST);
      expect(result.respondents).toBe(16);
      expect(sameTally((await summaryTally(key))!, scratch)).toBe(true);
    },
  );
});

describe('anonymous questionnaires', () => {
  it('store nothing that links an answer to the person, the invitation or the link', async () => {
    const { key, tokens, invitationIds } = await openQuestionnaire({ anonymous: true }, 2);
    const token = tokens[0]!;
    const invitationPath = paths.invitation(key.networkId, key.questionnaireId, invitationIds[0]!);
    const tokenHash = await tokenHashOf(token);
    const tokenBefore = (await adminDb.doc(paths.token(tokenHash)).get()).data();

    expect((await api('laden', { token })).body).toMatchObject({
      respondent: null,
      anonymous: true,
    });
    expect((await api('entwurf', { token, answers: { thema: 'Geheimes Thema' } })).status).toBe(
      200,
    );
    const drafts = await adminDb
      .collection(`${paths.questionnaire(key.networkId, key.questionnaireId)}/drafts`)
      .get();
    expect(drafts.size).toBe(1);
    const draftText = JSON.stringify(drafts.docs[0]!.data());
    expect(draftText).not.toContain('Geheimes Thema');
    expect(drafts.docs[0]!.data()).not.toHaveProperty('savedAt');
    expect((await api('laden', { token })).body).toMatchObject({
      answers: { thema: 'Geheimes Thema' },
    });

    expect((await api('absenden', { token, answers: answersFor(4) })).status).toBe(200);
    const [response] = await responseDocs(key);
    const stored = JSON.stringify(response!.data());
    const identifying = [
      invitationIds[0]!,
      tokenHash,
      token,
      'akteur-0',
      'Akteur 0',
      'Person 0',
      'person-0@',
      'kind:',
    ];
    for (const value of identifying) expect(stored).not.toContain(value);
    expect(response!.id).not.toBe(invitationIds[0]);
    expect(response!.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(response!.get('respondent')).toBeNull();
    expect(response!.get('submittedAt')).toBeNull();
    expect(response!.get('updatedAt')).toBeNull();
    expect(response!.get('contribution.by')).toBe('');
    // The draft is gone, the token unchanged, and the invitation is not marked in the same write.
    expect(
      (
        await adminDb
          .collection(`${paths.questionnaire(key.networkId, key.questionnaireId)}/drafts`)
          .get()
      ).size,
    ).toBe(0);
    expect((await adminDb.doc(paths.token(tokenHash)).get()).data()).toEqual(tokenBefore);
    expect((await adminDb.doc(invitationPath).get()).get('status')).toBe('draft');
    expect((await adminDb.doc(invitationPath).get()).get('submittedAt')).toBeNull();

    // The same link still reaches the answers (to edit them until the deadline).
    expect((await api('laden', { token })).body).toMatchObject({ state: 'submitted' });

    // Aggregated texts carry no name either.
    await drain(adminDb, key, FAST);
    const summary = await adminDb
      .doc(paths.resultsSummary(key.networkId, key.questionnaireId))
      .get();
    const summaryText = JSON.stringify(summary.data());
    for (const value of identifying) expect(summaryText).not.toContain(value);
    expect(summaryText).toContain('Thema 4');
    // Counting it added no time, sequence number or identity to the response either.
    const [counted] = await responseDocs(key);
    expect(Object.keys(counted!.data()).sort()).toEqual([
      'answers',
      'applied',
      'appliedVersion',
      'contribution',
      'pending',
      'respondent',
      'submittedAt',
      'updatedAt',
      'version',
    ]);
    expect(counted!.get('pending')).toBe(false);
    expect(counted!.get('submittedAt')).toBeNull();
    expect(counted!.get('updatedAt')).toBeNull();
    const countedText = JSON.stringify(counted!.data());
    for (const value of identifying) expect(countedText).not.toContain(value);

    // Later, at a random time of its own, the invitation counts as answered (for reminders).
    await markInvitationSubmitted(adminDb, invitationPath);
    expect((await adminDb.doc(invitationPath).get()).get('status')).toBe('submitted');
  });
});
