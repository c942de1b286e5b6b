// The open link of a questionnaire: POST /api/fragebogen/offen hands each visitor a personal token
// of their own (a nameless invitation), refuses when the link is off (404) or the deadline passed
// (410), limits each client (429) without holding up others, and reminders never reach these
// nameless invitations.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  OPEN_LINK_SOURCE_REF,
  invitationSchema,
  paths,
  type QuestionnaireRef,
} from '@knotenpunkt/model';
import { handleRemind } from '../../functions/src/questionnaires/coordinate.ts';
import { toDates } from '../../functions/src/questionnaires/docs.ts';
import { OPEN_LINK_LIMIT } from '../../functions/src/questionnaires/openLink.ts';
import { adminAuth, adminDb, eventually } from '../support/admin.ts';
import { APP_URL } from '../support/env.ts';
import { COORDINATOR_A, freshDemo } from '../support/seed.ts';
import {
  answersFor,
  api,
  openQuestionnaire,
  pendingCount,
  responseDocs,
  summaryTally,
} from './questionnaireSupport.ts';

let coordinatorUid = '';

beforeAll(async () => {
  await freshDemo();
  coordinatorUid = (await adminAuth.getUserByEmail(COORDINATOR_A.email)).uid;
});

/** A client address nobody else uses (documentation prefix 2001:db8::/32). */
const someClient = () =>
  `2001:db8:${randomBytes(2).toString('hex')}::${randomBytes(2).toString('hex')}`;

async function start(key: QuestionnaireRef, client: string) {
  const res = await fetch(`${APP_URL}/api/fragebogen/offen`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'fastly-client-ip': client },
    body: JSON.stringify(key),
  });
  return {
    status: res.status,
    body: (await res.json()) as { token?: string; message?: string; error?: string },
  };
}

async function invitations(key: QuestionnaireRef) {
  const snap = await adminDb
    .collection(paths.invitations(key.networkId, key.questionnaireId))
    .get();
  return snap.docs.map((d) => ({ id: d.id, ...invitationSchema.parse(toDates(d.data())) }));
}

describe('the open link', () => {
  it('gives a working personal token whose answer counts in the results', async () => {
    const { key } = await openQuestionnaire({ openLink: true }, 0);
    const started = await start(key, someClient());
    expect(started.status).toBe(200);
    const token = started.body.token!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const [invitation] = await invitations(key);
    expect(invitation).toMatchObject({
      name: '',
      email: '',
      source: 'open',
      sourceRef: OPEN_LINK_SOURCE_REF,
      actorId: null,
      status: 'opened',
    });

    const loaded = await api('laden', { token });
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ state: 'open', respondent: null, answers: {} });
    expect((await api('entwurf', { token, answers: { thema: 'Räume' } })).status).toBe(200);
    expect((await api('laden', { token })).body).toMatchObject({
      answers: { thema: 'Räume' },
      draftSaved: true,
    });
    expect((await api('absenden', { token, answers: answersFor(3) })).status).toBe(200);
    expect(await responseDocs(key)).toHaveLength(1);

    const tally = await eventually(async () => {
      if ((await pendingCount(key)) > 0) return undefined;
      const t = await summaryTally(key);
      return t?.segments.all?.n === 1 ? t : undefined;
    }, 45_000);
    expect(tally.segments.all?.n).toBe(1);
    expect((await invitations(key))[0]!.status).toBe('submitted');

    // A second visit is a second respondent, not the first one's answers.
    const again = await start(key, someClient());
    expect(again.status).toBe(200);
    expect(again.body.token).not.toBe(token);
    expect((await api('laden', { token: again.body.token })).body).toMatchObject({
      state: 'open',
      answers: {},
    });
  });

  it('is refused with 404 when the coordinators did not switch it on, or for an unknown questionnaire', async () => {
    const { key } = await openQuestionnaire({}, 0);
    for (const target of [key, { ...key, questionnaireId: 'gibt-es-nicht' }]) {
      const res = await start(target, someClient());
      expect(res.status).toBe(404);
      expect(res.body.message).toMatch(/keinen offenen Link/);
    }
    const draft = await openQuestionnaire({ openLink: true, status: 'draft' }, 0);
    expect((await start(draft.key, someClient())).status).toBe(404);
    expect(await invitations(key)).toHaveLength(0);
    expect(await invitations(draft.key)).toHaveLength(0);
  });

  it('is refused with 410 after the deadline and once the questionnaire is closed', async () => {
    const late = await openQuestionnaire(
      { openLink: true, deadline: new Date(Date.now() - 60_000) },
      0,
    );
    const closed = await openQuestionnaire({ openLink: true, status: 'closed' }, 0);
    for (const { key } of [late, closed]) {
      const res = await start(key, someClient());
      expect(res.status).toBe(410);
      expect(res.body.message).toMatch(/Frist für diesen Fragebogen ist abgelaufen/);
      expect(await invitations(key)).toHaveLength(0);
    }
  });

  it('refuses a client its request beyond the hourly limit with 429 while another client still gets through', async () => {
    const { key } = await openQuestionnaire({ openLink: true }, 0);
    const busy = someClient();
    const answers = [];
    for (let i = 0; i < OPEN_LINK_LIMIT.max; i++) answers.push(await start(key, busy));
    expect(answers.map((a) => a.status)).toEqual(Array(OPEN_LINK_LIMIT.max).fill(200));

    const refused = await start(key, busy);
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/Zu viele Anfragen/);
    expect(await invitations(key)).toHaveLength(OPEN_LINK_LIMIT.max);

    const other = await start(key, someClient());
    expect(other.status).toBe(200);
    expect(await invitations(key)).toHaveLength(OPEN_LINK_LIMIT.max + 1);
  });
});

describe('reminders', () => {
  it('go to invited people who have not answered, never to open-link invitations', async () => {
    const { key, invitationIds } = await openQuestionnaire({ openLink: true }, 2);
    const visitor = await start(key, someClient());
    expect(visitor.status).toBe(200);
    const mailings: string[] = [];
    const result = await handleRemind(
      { ...key, subject: 'Erinnerung', body: 'Bitte antworten: {{fragebogenlink}}' },
      { uid: coordinatorUid },
      {
        db: adminDb,
        startMailing: async (_key, mailingId) => {
          mailings.push(mailingId);
        },
      },
    );
    expect(result.reminded).toBe(2);
    const after = await invitations(key);
    const reminded = after.filter((i) => i.reminders > 0).map((i) => i.id);
    expect(reminded.sort()).toEqual([...invitationIds].sort());
    const open = after.find((i) => i.source === 'open')!;
    expect(open.reminders).toBe(0);
    expect(open.mailingIds).toEqual([]);
    expect(mailings).toHaveLength(1);
  });
});
