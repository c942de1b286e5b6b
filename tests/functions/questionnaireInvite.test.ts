// Inviting through the one mail pipeline: the callable records invitations and queues a mailing
// whose source makes each personal link when the mail is sent (never stored); reminders reach only
// those who have not answered; the hourly schedule closes past deadlines and reminds once; closing
// publishes counts without texts or names.
import { FirebaseError } from 'firebase/app';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { paths, publicResultsSchema } from '@knotenpunkt/model';
import { demoContacts } from '../../scripts/seed/demoDirectory.ts';
import type { StartMailing } from '../../functions/src/questionnaires/coordinate.ts';
import { toDates } from '../../functions/src/questionnaires/docs.ts';
import { handleQuestionnaireSchedule } from '../../functions/src/questionnaires/publish.ts';
import { adminDb, eventually } from '../support/admin.ts';
import { clientAs } from '../support/client.ts';
import { clearMail, listMail, mailTo, type CaughtMail } from '../support/maildev.ts';
import { COORDINATOR_A, COORDINATOR_B, freshDemo } from '../support/seed.ts';
import { NETWORK, answersFor, api, openQuestionnaire } from './questionnaireSupport.ts';

type Client = Awaited<ReturnType<typeof clientAs>>;
let coordinator: Client;
let other: Client;

beforeAll(async () => {
  await freshDemo();
  coordinator = await clientAs(COORDINATOR_A);
  other = await clientAs(COORDINATOR_B);
});
afterAll(async () => {
  await coordinator.close();
  await other.close();
});
beforeEach(clearMail);

/** Three demo actors with a contact who consented and has an address, and those addresses. */
const invitable = demoContacts.filter(
  (c) => c.input.consent.given && c.input.email && c.input.networkIds.includes(NETWORK),
);
const actorIds = [...new Set(invitable.map((c) => c.input.actorId!))].slice(0, 3);
const emails = invitable
  .filter((c) => actorIds.includes(c.input.actorId!))
  .map((c) => c.input.email);

function tokenIn(mail: CaughtMail): string {
  const token = /\/fragebogen#([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no link in ${mail.text}`);
  return token;
}

async function mailsFor(subject: string, count: number) {
  return eventually(async () => {
    const mails = (await listMail()).filter((m) => m.subject === subject);
    return mails.length >= count ? mails : undefined;
  }, 45_000);
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FirebaseError)
      return error as FirebaseError & { details?: { code: string } };
    throw error;
  }
  throw new Error('expected the call to fail');
}

const mail = {
  subject: 'Fragebogen: Bedarfe und Ressourcen',
  body: 'Guten Tag {{name}},\n\nbitte füllen Sie den Fragebogen aus: {{fragebogenlink}}',
};

describe('inviting and reminding', () => {
  it('sends every invited contact a working personal link that the database keeps only as a hash', async () => {
    const { key } = await openQuestionnaire({}, 0);
    const { data } = await coordinator.call<{ invited: number; mailingId: string }>(
      'inviteToQuestionnaire',
      { ...key, audience: { type: 'actors', kinds: [], fieldsOfAction: [], actorIds }, ...mail },
    );
    expect(data.invited).toBe(emails.length);
    const mails = await mailsFor(mail.subject, emails.length);
    expect(mails.map((m) => m.to[0]!.address).sort()).toEqual([...emails].sort());

    // The links are in the mails only: neither the mailing nor its delivery records hold them.
    const token = tokenIn(mails[0]!);
    const deliveries = await adminDb
      .collection(paths.deliveries(key.networkId, data.mailingId))
      .get();
    expect(deliveries.size).toBe(emails.length);
    const stored = JSON.stringify([
      ...deliveries.docs.map((d) => d.data()),
      (await adminDb.doc(paths.mailing(key.networkId, data.mailingId)).get()).data(),
    ]);
    for (const m of mails) expect(stored).not.toContain(tokenIn(m));
    expect(stored).not.toContain('/fragebogen#');

    const session = await api('laden', { token });
    expect(session.status).toBe(200);
    expect(session.body.state).toBe('open');
    const invitations = await adminDb
      .collection(paths.invitations(key.networkId, key.questionnaireId))
      .get();
    expect(invitations.docs.map((d) => d.get('status')).sort()).toEqual([
      ...Array<string>(emails.length - 1).fill('invited'),
      'opened',
    ]);
  });

  it('reminds only those who have not answered yet', async () => {
    const { key } = await openQuestionnaire({}, 0);
    await coordinator.call('inviteToQuestionnaire', {
      ...key,
      audience: { type: 'actors', kinds: [], fieldsOfAction: [], actorIds },
      ...mail,
    });
    const mails = await mailsFor(mail.subject, emails.length);
    const answered = mails[0]!;
    expect(
      (await api('absenden', { token: tokenIn(answered), answers: answersFor(1) })).status,
    ).toBe(200);
    await clearMail();

    const reminder = {
      subject: 'Erinnerung: Bedarfe und Ressourcen',
      body: 'Guten Tag {{name}},\n\nbitte denken Sie an den Fragebogen: {{fragebogenlink}}',
    };
    const { data } = await coordinator.call<{ reminded: number }>('remindQuestionnaire', {
      ...key,
      ...reminder,
    });
    expect(data.reminded).toBe(emails.length - 1);
    const reminders = await mailsFor(reminder.subject, emails.length - 1);
    const remindedTo = reminders.map((m) => m.to[0]!.address);
    expect(remindedTo).not.toContain(answered.to[0]!.address);
    // The reminder's link is new and reaches the same invitation.
    const again = await api('laden', { token: tokenIn(reminders[0]!) });
    expect(again.body.state).toBe('open');
    expect(await mailTo(answered.to[0]!.address)).toEqual([]);
  });

  it('refuses a coordinator of another network, a mail without the link and a questionnaire not open', async () => {
    const { key } = await openQuestionnaire({}, 0);
    const audience = { type: 'actors', kinds: [], fieldsOfAction: [], actorIds };
    const foreign = await failure(
      other.call('inviteToQuestionnaire', { ...key, audience, ...mail }),
    );
    expect(foreign.details?.code).toBe('NOT_COORDINATOR');
    const noLink = await failure(
      coordinator.call('inviteToQuestionnaire', { ...key, audience, ...mail, body: 'Ohne Link' }),
    );
    expect(noLink.details?.code).toBe('INVALID_ARGUMENT');
    const { key: draftKey } = await openQuestionnaire({ status: 'draft' }, 0);
    const notOpen = await failure(
      coordinator.call('inviteToQuestionnaire', { ...draftKey, audience, ...mail }),
    );
    expect(notOpen.details?.code).toBe('QUESTIONNAIRE_NOT_OPEN');
    expect(await listMail()).toEqual([]);
  });
});

describe('deadlines, automatic reminders and published results', () => {
  it('closes past deadlines and sends the automatic reminder once', async () => {
    const day = 86_400_000;
    const { key: late } = await openQuestionnaire({ deadline: new Date(Date.now() - 1000) }, 1);
    const { key: soon } = await openQuestionnaire(
      { deadline: new Date(Date.now() + 2 * day), reminderDaysBefore: 3 },
      2,
    );
    const started: Array<Parameters<StartMailing>> = [];
    const startMailing: StartMailing = async (...args) => {
      started.push(args);
    };
    await handleQuestionnaireSchedule(adminDb, { startMailing });
    await handleQuestionnaireSchedule(adminDb, { startMailing });
    const lateDoc = await adminDb
      .doc(paths.questionnaire(late.networkId, late.questionnaireId))
      .get();
    expect(lateDoc.get('status')).toBe('closed');
    const mine = started.filter(([k]) => k.questionnaireId === soon.questionnaireId);
    expect(mine).toHaveLength(1);
    expect(mine[0]![2]).toMatchObject({ kind: 'reminder' });
    expect(mine[0]![2].body).toContain('{{fragebogenlink}}');
    const invitations = await adminDb
      .collection(paths.invitations(soon.networkId, soon.questionnaireId))
      .get();
    expect(invitations.docs.every((d) => d.get('reminders') === 1)).toBe(true);
  });

  it('publishes counts without texts or names when it closes, and respondents see them', async () => {
    const { key, tokens } = await openQuestionnaire({ resultsVisibility: 'respondents' }, 4);
    for (const [i, token] of tokens.entries()) {
      expect((await api('absenden', { token, answers: answersFor(i) })).status).toBe(200);
    }
    await adminDb
      .doc(paths.questionnaire(key.networkId, key.questionnaireId))
      .update({ status: 'closed' });
    const published = await eventually(async () => {
      const snap = await adminDb.doc(paths.publicResults(key.networkId, key.questionnaireId)).get();
      if (!snap.exists) return undefined;
      const results = publicResultsSchema.parse(toDates(snap.data()));
      return results.segments.all?.n === 4 ? results : undefined;
    });
    const text = JSON.stringify(published);
    expect(text).not.toContain('Akteur 0');
    expect(text).not.toContain('Thema 1');
    expect(Object.keys(published.segments).some((k) => k.startsWith('kind:'))).toBe(false);

    const session = await api('laden', { token: tokens[0]! });
    expect(session.body.state).toBe('closed');
    expect((session.body.results as { all: { n: number } }).all.n).toBe(4);
  });
});
