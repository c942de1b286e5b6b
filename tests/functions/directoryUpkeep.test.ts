// "Ist Ihr Eintrag noch aktuell?" in the emulators: a coordinator of the network starts a round
// (the callable), the mail pipeline sends one mail per asked actor with a personal link, and the
// link's form answers through /api/upkeep/*: the entry prefilled, "Alles aktuell", changes to the
// review inbox. Unknown, expired and used links answer with their own status and German message
// and change nothing; the database keeps only the token's hash.
import { FirebaseError } from 'firebase/app';
import { Timestamp } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  UPKEEP_LINK_PROBLEMS,
  paths,
  proposalSchema,
  sha256Hex,
  type UpkeepEntryView,
} from '@knotenpunkt/model';
import { demoActors, demoContacts } from '../../scripts/seed/demoDirectory.ts';
import { adminDb, eventually } from '../support/admin.ts';
import { clientAs } from '../support/client.ts';
import { APP_URL } from '../support/env.ts';
import { clearMail, listMail, mailTo, type CaughtMail } from '../support/maildev.ts';
import { COORDINATOR_A, COORDINATOR_B, freshDemo } from '../support/seed.ts';

const NETWORK = 'hemerfeld';
type Client = Awaited<ReturnType<typeof clientAs>>;
let coordinator: Client;
let other: Client;

/** Published actors of the network; one loses its address so nobody can be asked for it. */
const published = demoActors.filter(
  (a) => a.input.networkIds.includes(NETWORK) && a.input.status === 'published',
);
const withContact = new Set(
  demoContacts.filter((c) => c.input.consent.given).map((c) => c.input.actorId),
);
const silent = published.find((a) => !withContact.has(a.id))!;

interface Started {
  roundId: string;
  mailingId: string;
  actors: number;
  unreachable: number;
}
let round: Started;
/** actorId → the token from that actor's mail. */
const tokens = new Map<string, string>();
let mails: CaughtMail[] = [];

beforeAll(async () => {
  await freshDemo();
  await clearMail();
  await adminDb.doc(paths.actor(silent.id)).update({ 'publicContact.email': '' });
  coordinator = await clientAs(COORDINATOR_B);
  other = await clientAs(COORDINATOR_A);
});
afterAll(async () => {
  await coordinator?.close();
  await other?.close();
});

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FirebaseError)
      return error as FirebaseError & {
        details?: { code: string; field?: string; fields?: Record<string, string> };
      };
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function post(route: 'entry' | 'confirm' | 'changes', body: unknown) {
  const res = await fetch(`${APP_URL}/api/upkeep/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { error?: string; message?: string },
  };
}

function tokenIn(mail: CaughtMail): string {
  const token = /\/eintrag-aktuell#([A-Za-z0-9_-]{43})\b/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no link in ${mail.text}`);
  return token;
}

const roundCount = async () =>
  (await adminDb.collection(paths.upkeepRounds(NETWORK)).count().get()).data().count;
const entryOf = async (actorId: string) =>
  (await adminDb.doc(paths.upkeepEntry(NETWORK, round.roundId, actorId)).get()).data();
const actorOf = async (actorId: string) => (await adminDb.doc(paths.actor(actorId)).get()).data();

describe('starting a round', () => {
  it('refuses a coordinator of another network and a signed-out caller', async () => {
    const refused = await failure(other.call('startUpkeepRound', { networkId: NETWORK }));
    expect(refused.code).toBe('functions/permission-denied');
    expect(refused.details?.code).toBe('NOT_COORDINATOR');
    const anonymous = await clientAs();
    try {
      const error = await failure(anonymous.call('startUpkeepRound', { networkId: NETWORK }));
      expect(error.code).toBe('functions/unauthenticated');
    } finally {
      await anonymous.close();
    }
    expect(await roundCount()).toBe(0);
  });

  it('refuses a text without the personal link and names the field', async () => {
    const error = await failure(
      coordinator.call('startUpkeepRound', {
        networkId: NETWORK,
        body: 'Guten Tag {{name}}, bitte prüfen Sie Ihren Eintrag.',
      }),
    );
    expect(error.code).toBe('functions/invalid-argument');
    expect(error.details?.field).toBe('body');
    expect(error.details?.fields?.body).toContain('{{aktualisierungslink}}');
    const typo = await failure(
      coordinator.call('startUpkeepRound', {
        networkId: NETWORK,
        subject: 'Hallo {{akteurname}}',
      }),
    );
    expect(typo.details?.field).toBe('subject');
    expect(typo.details?.fields?.subject).toContain('Unbekannter Platzhalter');
    expect(await roundCount()).toBe(0);
  });

  it('sends one mail per asked actor through the pipeline, each with its own personal link', async () => {
    const { data } = await coordinator.call<Started>('startUpkeepRound', { networkId: NETWORK });
    round = data;
    expect(data.mailingId).toBe(data.roundId);
    expect(data.actors).toBe(published.length - 1);
    expect(data.unreachable).toBe(1);

    const stored = await adminDb.doc(paths.upkeepRound(NETWORK, data.roundId)).get();
    expect(stored.get('unreachable')).toEqual([{ id: silent.id, name: silent.input.name }]);
    const entries = await adminDb.collection(paths.upkeepEntries(NETWORK, data.roundId)).get();
    expect(entries.size).toBe(data.actors);
    expect(entries.docs.every((d) => d.get('status') === 'open')).toBe(true);
    const mailing = await adminDb.doc(paths.mailing(NETWORK, data.mailingId)).get();
    expect(mailing.get('purpose')).toBe('upkeep');
    expect(mailing.get('recipients')).toEqual({ source: 'upkeep', roundId: data.roundId });

    await eventually(async () => {
      const m = await adminDb.doc(paths.mailing(NETWORK, data.mailingId)).get();
      return m.get('status') === 'sent' ? true : undefined;
    }, 60_000);
    mails = (await listMail()).filter((m) => m.subject.startsWith('Ist Ihr Eintrag noch aktuell?'));
    expect(mails).toHaveLength(data.actors);

    for (const entry of entries.docs) {
      const to = mails.filter((m) => m.to.some((t) => t.address === entry.get('email')));
      expect(to, String(entry.get('email'))).toHaveLength(1);
      expect(to[0]!.subject).toBe(`Ist Ihr Eintrag noch aktuell? – ${entry.get('actorName')}`);
      expect(to[0]!.text).toContain(String(entry.get('actorName')));
      tokens.set(entry.id, tokenIn(to[0]!));
    }
    expect(new Set(tokens.values()).size).toBe(data.actors);
    // The contact who consented is asked for their actor, the public address for the others.
    const contact = demoContacts.find((c) => c.input.actorId && tokens.has(c.input.actorId));
    if (contact) {
      expect((await entryOf(contact.input.actorId!))?.email).toBe(contact.input.email);
    }
  });

  it('stores each token only as its hash, expiring after 30 days', async () => {
    const [actorId, token] = [...tokens.entries()][0]!;
    const doc = await adminDb.doc(paths.token(await sha256Hex(token))).get();
    expect(doc.exists).toBe(true);
    expect(doc.get('purpose')).toBe('upkeep');
    expect(doc.get('targetPath')).toBe(paths.upkeepEntry(NETWORK, round.roundId, actorId));
    const days = (doc.get('expiresAt').toMillis() - doc.get('createdAt').toMillis()) / 86_400_000;
    expect(days).toBe(30);

    // No document the round wrote holds a plain token.
    const written = [
      ...(await adminDb.collection('tokens').where('purpose', '==', 'upkeep').get()).docs,
      ...(await adminDb.collection(paths.upkeepEntries(NETWORK, round.roundId)).get()).docs,
      ...(await adminDb.collection(paths.deliveries(NETWORK, round.mailingId)).get()).docs,
      await adminDb.doc(paths.mailing(NETWORK, round.mailingId)).get(),
    ];
    expect(written.length).toBeGreaterThan(round.actors * 2);
    const text = JSON.stringify(written.map((d) => [d.id, d.data()]));
    for (const plain of tokens.values()) expect(text).not.toContain(plain);
  });
});

describe('the personal link', () => {
  it('opens the entry prefilled with what the directory says now', async () => {
    const [actorId, token] = [...tokens.entries()][0]!;
    const actor = await actorOf(actorId);
    const entry = await entryOf(actorId);
    const { status, body } = await post('entry', { token });
    expect(status).toBe(200);
    const view = body as unknown as UpkeepEntryView;
    expect(view.actorName).toBe(actor?.name);
    expect(view.networkName).toBe('Netzwerk Integration Hemerfeld');
    expect(view.fields).toMatchObject({
      name: actor?.name,
      shortDescription: actor?.shortDescription,
      website: actor?.website,
      languages: actor?.languages,
    });
    expect(view.contact.email).toBe(entry?.email);
    expect(view.lastConfirmedAt).toBe(actor?.lastConfirmedAt?.toDate().toISOString() ?? null);
    // Reading changes nothing: the link still works.
    expect((await entryOf(actorId))?.status).toBe('open');
  });

  it('"Alles aktuell" records lastConfirmedAt and the entry status; the link then answers as used', async () => {
    const [actorId, token] = [...tokens.entries()][1]!;
    const before = Date.now();
    const { status, body } = await post('confirm', { token });
    expect(status).toBe(200);
    expect(body.message).toMatch(/bestätigt/);
    const actor = await actorOf(actorId);
    expect(actor?.lastConfirmedAt.toMillis()).toBeGreaterThanOrEqual(before - 5_000);
    const entry = await entryOf(actorId);
    expect(entry).toMatchObject({ status: 'confirmed', proposalId: null });
    expect(entry?.respondedAt).toBeInstanceOf(Timestamp);

    for (const route of ['entry', 'confirm'] as const) {
      const again = await post(route, { token });
      expect(again.status).toBe(409);
      expect(again.body).toEqual({
        error: 'UPKEEP_LINK_USED',
        message: UPKEEP_LINK_PROBLEMS.UPKEEP_LINK_USED.message,
      });
    }
    expect((await actorOf(actorId))?.lastConfirmedAt).toEqual(actor?.lastConfirmedAt);
  });

  it('sends changes to the review inbox as a proposal of only the differing fields', async () => {
    const [actorId, token] = [...tokens.entries()][2]!;
    const { body } = await post('entry', { token });
    const view = body as unknown as UpkeepEntryView;
    const fields = {
      ...view.fields,
      shortDescription: 'Neu: Sprechstunde jetzt dienstags und donnerstags.',
      languages: [...view.fields.languages, 'Ukrainisch'],
    };
    const sent = await post('changes', {
      token,
      fields,
      proposer: { name: 'Eva Eintrag', email: 'eva@eintrag.example' },
    });
    expect(sent.status).toBe(201);
    expect([...(sent.body.changed as string[])].sort()).toEqual(['languages', 'shortDescription']);

    const entry = await entryOf(actorId);
    expect(entry?.status).toBe('changed');
    expect(entry?.proposalId).toEqual(expect.any(String));
    const stored = (await adminDb.doc(paths.proposal(entry!.proposalId)).get()).data()!;
    const proposal = proposalSchema.parse({ ...stored, submittedAt: stored.submittedAt.toDate() });
    expect(proposal).toMatchObject({
      entity: 'actor',
      origin: 'upkeep',
      targetId: actorId,
      networkIds: [NETWORK],
      status: 'open',
      proposer: { name: 'Eva Eintrag', email: 'eva@eintrag.example' },
      fields: {
        shortDescription: 'Neu: Sprechstunde jetzt dienstags und donnerstags.',
        languages: fields.languages,
      },
    });
    expect(Object.keys(proposal.fields).sort()).toEqual(['languages', 'shortDescription']);
    // The entry itself waits for the coordinators, who are told by mail.
    expect((await actorOf(actorId))?.shortDescription).toBe(view.fields.shortDescription);
    const subject = `Aktualisierung für das Verzeichnis: ${view.actorName}`;
    const [notice] = await eventually(async () => {
      const mails = (await mailTo(COORDINATOR_B.email)).filter((m) => m.subject === subject);
      return mails.length > 0 ? mails : undefined;
    });
    expect(notice!.text).toContain('Kurzbeschreibung');
    expect(notice!.text).toContain('/verwaltung/eingang');
    expect((await mailTo(COORDINATOR_A.email)).filter((m) => m.subject === subject)).toEqual([]);

    const again = await post('changes', {
      token,
      fields,
      proposer: { email: 'eva@eintrag.example' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('UPKEEP_LINK_USED');
  });

  it('answers an unknown link clearly and changes nothing', async () => {
    const unknown = 'A'.repeat(43);
    for (const route of ['entry', 'confirm'] as const) {
      const { status, body } = await post(route, { token: unknown });
      expect(status).toBe(404);
      expect(body).toEqual({
        error: 'UPKEEP_LINK_UNKNOWN',
        message: UPKEEP_LINK_PROBLEMS.UPKEEP_LINK_UNKNOWN.message,
      });
    }
    const cut = await post('entry', { token: 'abc' });
    expect(cut.status).toBe(400);
    expect(cut.body.fields).toEqual({ token: 'Der Link ist unvollständig.' });
  });

  it('answers an expired link clearly and changes nothing', async () => {
    const [actorId, token] = [...tokens.entries()][3]!;
    const { body: opened } = await post('entry', { token });
    const fields = { ...(opened as unknown as UpkeepEntryView).fields, name: 'Umbenannt' };
    await adminDb
      .doc(paths.token(await sha256Hex(token)))
      .update({ expiresAt: Timestamp.fromMillis(Date.now() - 1000) });
    const before = await actorOf(actorId);
    const requests = [
      ['entry', { token }],
      ['confirm', { token }],
      ['changes', { token, fields, proposer: { email: 'spaet@eintrag.example' } }],
    ] as const;
    for (const [route, body] of requests) {
      const answer = await post(route, body);
      expect(answer.status, route).toBe(410);
      expect(answer.body).toEqual({
        error: 'UPKEEP_LINK_EXPIRED',
        message: UPKEEP_LINK_PROBLEMS.UPKEEP_LINK_EXPIRED.message,
      });
    }
    const entry = await entryOf(actorId);
    expect(entry).toMatchObject({ status: 'open', proposalId: null, respondedAt: null });
    expect(await actorOf(actorId)).toEqual(before);
    const proposals = await adminDb
      .collection(paths.proposals())
      .where('proposer.email', '==', 'spaet@eintrag.example')
      .get();
    expect(proposals.size).toBe(0);
  });
});
