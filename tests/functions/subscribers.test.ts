// The public side of the distribution list against the emulators and the real mail catcher:
// signup (validation, honeypot, rate limit, no enumeration, concurrency), double opt-in that a
// plain GET cannot trigger, one-click unsubscribe, preferences, export, erasure, retention.
import { createHash } from 'node:crypto';
import { Timestamp } from 'firebase-admin/firestore';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { paths, subscriberIdFor, subscriberSchema } from '@knotenpunkt/model';
import { createMailer } from '../../functions/src/mail/transport.ts';
import { handleSubscriberRetention } from '../../functions/src/subscribers/retention.ts';
import { handleSignup } from '../../functions/src/subscribers/signup.ts';
import { adminDb, eventually } from '../support/admin.ts';
import { APP_URL, MAILDEV_API } from '../support/env.ts';
import { clearMail, mailTo, type CaughtMail } from '../support/maildev.ts';
import { freshDemo } from '../support/seed.ts';

const NETWORK = 'landkreis-rheinwald';
let clientNo = 0;
let client = '';
let run = 0;

beforeAll(freshDemo);
beforeEach(async () => {
  await clearMail();
  // Each test is its own client (Hosting's CDN names the client in Fastly-Client-IP).
  client = `203.0.113.${++clientNo}`;
  run++;
});

/** A fresh address for each use. */
const address = (label: string) => `${label}.${run}.${Date.now()}@beispiel.example`;

const signupOf = (email: string, over: Record<string, unknown> = {}) => ({
  networkId: NETWORK,
  email,
  name: 'Mara Beispiel',
  organisation: 'Nachbarschaftshilfe',
  interests: ['Arbeitsmarkt', 'AK Sprache und Bildung'],
  purposes: { invitations: true, volunteer: false },
  consentVersions: { invitations: '2026-11' },
  website: '',
  ...over,
});

interface Answer {
  status: number;
  text: string;
  json: Record<string, unknown> & {
    field?: string;
    fields?: Record<string, string>;
    error?: string;
  };
}

async function api(
  path: string,
  body: unknown,
  init: { from?: string; method?: string; raw?: string; contentType?: string } = {},
): Promise<Answer> {
  const res = await fetch(`${APP_URL}${path}`, {
    method: init.method ?? 'POST',
    redirect: 'manual',
    headers: {
      'content-type': init.contentType ?? 'application/json',
      'fastly-client-ip': init.from ?? client,
    },
    body: init.method === 'GET' ? undefined : (init.raw ?? JSON.stringify(body)),
  });
  const text = await res.text();
  let json = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON (a redirect)
  }
  return { status: res.status, text, json: json as Answer['json'] };
}

const signup = (body: unknown, from?: string) =>
  api('/api/subscribers/signup', body, from ? { from } : {});

async function subscriber(email: string) {
  const snap = await adminDb.doc(paths.subscriber(NETWORK, await subscriberIdFor(email))).get();
  return snap.exists ? snap.data() : undefined;
}

async function mailsTo(email: string, count: number): Promise<CaughtMail[]> {
  return eventually(async () => {
    const mails = await mailTo(email);
    return mails.length >= count ? mails : undefined;
  });
}

/**
 * A header as the mail carries it, from the raw message (maildev's parsed `headers` leave out
 * the List-* headers, which its parser turns into a structure).
 */
async function header(mail: CaughtMail, name: string): Promise<string | undefined> {
  const res = await fetch(`${MAILDEV_API}/api/email/${mail.id}/source`);
  const head = (await res.text()).split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded
    .split(/\r?\n/)
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

function tokenIn(text: string, page: 'bestaetigen' | 'einstellungen'): string {
  const match = new RegExp(`/netzwerk/${NETWORK}/${page}#t=([A-Za-z0-9_-]{43})`).exec(text);
  if (!match?.[1]) throw new Error(`no ${page} link in: ${text}`);
  return match[1];
}

async function oneClickUrl(mail: CaughtMail): Promise<string> {
  const value = (await header(mail, 'List-Unsubscribe')) ?? '';
  const match = /^<(https?:\/\/[^>]+)>$/.exec(value.trim());
  if (!match?.[1]) throw new Error(`no List-Unsubscribe URL: ${value}`);
  return match[1];
}

async function count(collection: string) {
  return (await adminDb.collection(collection).count().get()).data().count;
}

/** Signs up and confirms through the links of the real mail; returns the preferences token. */
async function confirmedSubscriber(email: string, over: Record<string, unknown> = {}) {
  expect((await signup(signupOf(email, over))).status).toBe(202);
  const [mail] = await mailsTo(email, 1);
  const confirmed = await api('/api/subscribers/confirm', {
    token: tokenIn(mail!.text, 'bestaetigen'),
  });
  expect(confirmed.status).toBe(200);
  return String(confirmed.json.preferencesToken);
}

describe('signing up: bad input is refused naming the field, and nothing is stored', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a missing address', { email: undefined }, 'email'],
    ['an address without @', { email: 'mara.beispiel.example' }, 'email'],
    ['no purpose ticked', { purposes: { invitations: false, volunteer: false } }, 'purposes'],
    [
      'a ticked purpose without the text version shown',
      { purposes: { invitations: true, volunteer: true } },
      'consentVersions.volunteer',
    ],
    [
      'an unknown consent text version',
      { consentVersions: { invitations: '1999-01' } },
      'consentVersions.invitations',
    ],
    ['an interest the network does not offer', { interests: ['Astrologie'] }, 'interests'],
    ['a name longer than 200 characters', { name: 'x'.repeat(201) }, 'name'],
    ['an unknown field', { status: 'confirmed' }, 'status'],
    ['a network id with a slash', { networkId: 'a/b' }, 'networkId'],
    [
      'a volunteer phone number with letters',
      {
        purposes: { invitations: false, volunteer: true },
        consentVersions: { volunteer: '2026-11' },
        volunteer: { phone: 'bitte anrufen', fieldsOfAction: [], languages: [], availability: '' },
      },
      'volunteer.phone',
    ],
  ];

  for (const [what, over, field] of cases) {
    it(`answers 400 for ${what} (field ${field})`, async () => {
      const email = address('falsch');
      const before = await count('rateLimits');
      const body = signupOf(email, over);
      const res = await signup(body);
      expect(res.status).toBe(400);
      expect(res.json.error).toBe('INVALID_ARGUMENT');
      expect(res.json.field).toBe(field);
      expect(res.json.fields?.[field]).toBeTruthy();
      expect(await subscriber(email)).toBeUndefined();
      expect(await count('rateLimits')).toBe(before);
      expect(await mailTo(email)).toEqual([]);
    });
  }

  it('answers 404 for a network that is not public, storing nothing', async () => {
    await adminDb.doc(paths.network('hemerfeld')).update({ public: false });
    try {
      const email = address('privat');
      const res = await signup(signupOf(email, { networkId: 'hemerfeld', interests: [] }));
      expect(res.status).toBe(404);
      expect(res.json.field).toBe('networkId');
      const snap = await adminDb
        .doc(paths.subscriber('hemerfeld', await subscriberIdFor(email)))
        .get();
      expect(snap.exists).toBe(false);
    } finally {
      await adminDb.doc(paths.network('hemerfeld')).update({ public: true });
    }
  });

  it('accepts a filled honeypot with the usual answer but stores and sends nothing', async () => {
    const email = address('bot');
    const normal = await signup(signupOf(address('mensch')));
    const bot = await signup(signupOf(email, { website: 'https://spam.example' }));
    expect(bot.status).toBe(202);
    expect(bot.text).toBe(normal.text);
    expect(await subscriber(email)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailTo(email)).toEqual([]);
  });
});

describe('signing up: one answer for every address (no enumeration)', () => {
  it('answers byte for byte the same for a new, a pending, a confirmed and an unsubscribed address', async () => {
    const seeded = await adminDb.collection(paths.subscribers(NETWORK)).get();
    const byStatus = (status: string) =>
      String(seeded.docs.find((d) => d.get('status') === status)?.get('email'));
    const answers = [];
    for (const email of [
      address('neu'),
      byStatus('pending'),
      byStatus('confirmed'),
      byStatus('unsubscribed'),
    ]) {
      answers.push(
        await signup(signupOf(email, { interests: [] }), `192.0.2.${answers.length + 10}`),
      );
    }
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
  });

  it('sends a pending address a fresh confirmation, at most three mails in 24 hours', async () => {
    const email = address('unentschlossen');
    for (let i = 0; i < 4; i++) expect((await signup(signupOf(email))).status).toBe(202);
    const mails = await mailsTo(email, 3);
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailTo(email)).toHaveLength(3);
    const tokens = mails.map((m) => tokenIn(m.text, 'bestaetigen'));
    expect(new Set(tokens).size).toBe(3);
    expect((await subscriber(email))?.status).toBe('pending');
  });

  it('tells a confirmed address it is already subscribed, with a link to its preferences', async () => {
    const email = address('schon-dabei');
    await confirmedSubscriber(email);
    await clearMail();
    expect((await signup(signupOf(email, { name: 'Jemand anderes' }))).status).toBe(202);
    const [notice] = await mailsTo(email, 1);
    expect(notice!.subject).toContain('bereits angemeldet');
    const token = tokenIn(notice!.text, 'einstellungen');
    const prefs = await api('/api/subscribers/preferences', { token });
    expect(prefs.status).toBe(200);
    // Nothing about the stored subscriber changed.
    expect((await subscriber(email))?.name).toBe('Mara Beispiel');
  });
});

describe('signing up: limits and concurrency', () => {
  it('refuses the eleventh signup of one client within ten minutes with 429', async () => {
    const statuses = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await signup(signupOf(address(`viel${i}`)))).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
    const last = await signup(signupOf(address('zuviel')));
    expect(last.status).toBe(429);
    expect(last.json.error).toBe('RATE_LIMITED');
    // Another client is not affected.
    expect((await signup(signupOf(address('anderer')), '203.0.113.250')).status).toBe(202);
  });

  it('makes one subscriber of 50 concurrent signups of one address', async () => {
    // In process against the Firestore emulator and maildev: the functions emulator would start
    // a Node process per concurrent request, which this machine cannot afford 50 times over.
    const email = address('gleichzeitig');
    const deps = {
      db: adminDb,
      mailer: () =>
        createMailer('smtp://127.0.0.1:1025', 'Knotenpunkt <noreply@knotenpunkt.local>', false),
      baseUrl: APP_URL,
      now: () => new Date(),
      signupLimit: { scope: 'signup-test', max: 100, windowMs: 60_000 },
    };
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        handleSignup(signupOf(email), `198.18.0.${i + 1}`, deps),
      ),
    );
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    const docs = await adminDb
      .collection(paths.subscribers(NETWORK))
      .where('email', '==', email)
      .get();
    expect(docs.size).toBe(1);
    expect(docs.docs[0]!.id).toBe(await subscriberIdFor(email));
    expect(docs.docs[0]!.get('status')).toBe('pending');
    const mails = await mailsTo(email, 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(mails.length).toBeGreaterThanOrEqual(1);
    expect((await mailTo(email)).length).toBeLessThanOrEqual(3);
  });
});

describe('double opt-in', () => {
  it('sends a German confirmation mail with one-click unsubscribe headers and records the consent', async () => {
    const email = address('bestaetigung');
    await signup(signupOf(email));
    const [mail] = await mailsTo(email, 1);
    expect(mail!.subject).toBe(
      'Bitte bestätigen Sie Ihre Anmeldung: Integrationsnetzwerk Landkreis Rheinwald',
    );
    expect(mail!.text).toContain('Anmeldung bestätigen');
    expect(mail!.html).toContain('Anmeldung bestätigen');
    expect(mail!.text).toContain('/einstellungen#t=');
    expect(await header(mail!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(await oneClickUrl(mail!)).toMatch(
      /\/api\/subscribers\/unsubscribe\?token=[A-Za-z0-9_-]{43}$/,
    );

    const stored = subscriberSchema.parse(
      JSON.parse(JSON.stringify(await subscriber(email)), (_k, v: unknown) =>
        v && typeof v === 'object' && '_seconds' in v
          ? new Date((v as { _seconds: number })._seconds * 1000)
          : v,
      ),
    );
    expect(stored.status).toBe('pending');
    const consent = stored.consents.invitations!;
    expect(consent.form).toBe('signup');
    expect(consent.formId).toBe('mitmachen/2026-11');
    expect(consent.textVersion).toBe('2026-11');
    const text = await adminDb.doc('consentTexts/invitations-2026-11').get();
    expect(consent.textHash).toBe(
      createHash('sha256')
        .update(String(text.get('text')), 'utf8')
        .digest('hex'),
    );
    expect(text.get('textHash')).toBe(consent.textHash);
    expect(consent.requestedAt).toBeTruthy();
    expect(consent.mailSentAt).toBeTruthy();
    expect(consent.confirmedAt).toBeNull();
    expect(stored.consents.volunteer).toBeNull();
  });

  it('does not confirm when the link is only fetched (a mail scanner), but does when the page posts it', async () => {
    const email = address('scanner');
    await signup(signupOf(email));
    const [mail] = await mailsTo(email, 1);
    const link = /https?:\/\/\S+\/bestaetigen#t=[A-Za-z0-9_-]{43}/.exec(mail!.text)![0];
    const token = tokenIn(mail!.text, 'bestaetigen');

    const page = await fetch(link.replace(/^https?:\/\/[^/]+/, APP_URL));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const get = await api(`/api/subscribers/confirm?token=${token}`, null, { method: 'GET' });
    expect(get.status).toBe(405);
    expect((await subscriber(email))?.status).toBe('pending');

    const post = await api('/api/subscribers/confirm', { token });
    expect(post.status).toBe(200);
    expect(post.json).toMatchObject({ ok: true, networkId: NETWORK, alreadyConfirmed: false });
    const stored = await subscriber(email);
    expect(stored?.status).toBe('confirmed');
    expect(stored?.consents.invitations.confirmedAt).toBeInstanceOf(Timestamp);
    const tokenDoc = await adminDb
      .doc(paths.token(createHash('sha256').update(token).digest('hex')))
      .get();
    expect(tokenDoc.get('purpose')).toBe('confirmSubscription');
    expect(tokenDoc.get('usedAt')).toBeInstanceOf(Timestamp);
    expect(tokenDoc.get('expiresAt')).toBeInstanceOf(Timestamp);

    // Opening the link again is harmless.
    expect((await api('/api/subscribers/confirm', { token })).json.alreadyConfirmed).toBe(true);
  });

  it('refuses an unknown or malformed token without saying more', async () => {
    const unknown = await api('/api/subscribers/confirm', { token: 'A'.repeat(43) });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toBe('TOKEN_INVALID');
    const malformed = await api('/api/subscribers/confirm', { token: 'kurz' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.field).toBe('token');
  });

  it('stores tokens only as SHA-256 hashes with an expiry', async () => {
    const email = address('tokens');
    await signup(signupOf(email));
    const [mail] = await mailsTo(email, 1);
    const token = tokenIn(mail!.text, 'bestaetigen');
    const docs = await adminDb
      .collection('tokens')
      .where('targetPath', '==', paths.subscriber(NETWORK, await subscriberIdFor(email)))
      .get();
    expect(docs.size).toBeGreaterThanOrEqual(2);
    for (const doc of docs.docs) {
      expect(doc.id).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(doc.data())).not.toContain(token);
      expect(doc.get('expiresAt')).toBeInstanceOf(Timestamp);
    }
    expect(docs.docs.map((d) => d.id)).toContain(createHash('sha256').update(token).digest('hex'));
  });
});

describe('one-click unsubscribe (RFC 8058)', () => {
  it('unsubscribes at once when the mail program posts to the List-Unsubscribe URL', async () => {
    const email = address('abmelden');
    await confirmedSubscriber(email);
    const [mail] = await mailTo(email);
    const url = await oneClickUrl(mail!);
    const res = await fetch(url.replace(/^https?:\/\/[^/]+/, APP_URL), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    const stored = await subscriber(email);
    expect(stored?.status).toBe('unsubscribed');
    expect(stored?.unsubscribedAt).toBeInstanceOf(Timestamp);
    expect(stored?.consents.invitations.withdrawnAt).toBeInstanceOf(Timestamp);
    expect(stored?.purposes).toEqual({ invitations: false, volunteer: false });
    // Twice is the same.
    const again = await fetch(url.replace(/^https?:\/\/[^/]+/, APP_URL), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(again.status).toBe(200);
  });

  it('changes nothing when the URL is only opened, and leads to the preferences page', async () => {
    const email = address('nur-ansehen');
    await confirmedSubscriber(email);
    const [mail] = await mailTo(email);
    const url = (await oneClickUrl(mail!)).replace(/^https?:\/\/[^/]+/, APP_URL);
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(
      new RegExp(`/netzwerk/${NETWORK}/einstellungen#t=[A-Za-z0-9_-]{43}$`),
    );
    expect((await subscriber(email))?.status).toBe('confirmed');
  });
});

describe('preferences, export and erasure', () => {
  it('adds the volunteer purpose with its own consent record and withdraws invitations', async () => {
    const email = address('engagiert');
    const token = await confirmedSubscriber(email);
    const saved = await api('/api/subscribers/preferences/save', {
      token,
      name: 'Mara B.',
      organisation: '',
      interests: ['Wohnen'],
      purposes: { invitations: false, volunteer: true },
      consentVersions: { volunteer: '2026-11' },
      volunteer: {
        fieldsOfAction: ['Wohnen'],
        languages: ['Deutsch', 'Arabisch'],
        availability: 'Dienstags',
        phone: '0171 5550123',
      },
    });
    expect(saved.status).toBe(200);
    const stored = await subscriber(email);
    expect(stored?.status).toBe('confirmed');
    expect(stored?.purposes).toEqual({ invitations: false, volunteer: true });
    expect(stored?.consents.volunteer.form).toBe('preferences');
    expect(stored?.consents.volunteer.confirmedAt).toBeInstanceOf(Timestamp);
    expect(stored?.consents.invitations.withdrawnAt).toBeInstanceOf(Timestamp);
    expect(stored?.volunteer.languages).toEqual(['Deutsch', 'Arabisch']);
  });

  it('exports profile, consents with their texts, deliveries and RSVPs as JSON and as CSV', async () => {
    const email = address('auskunft');
    const token = await confirmedSubscriber(email);
    const id = await subscriberIdFor(email);
    await adminDb
      .doc(paths.rsvp(NETWORK, 'netzwerktreffen-winter', id))
      .set({ answer: 'yes', persons: 2, comment: 'Mit Kollegin', waitlisted: false });
    const json = await api('/api/subscribers/export', { token, format: 'json' });
    expect(json.status).toBe(200);
    expect(json.json.filename).toMatch(/\.json$/);
    const data = JSON.parse(String(json.json.content)) as {
      profile: { email: string };
      consents: Array<{ purpose: string; text: string; textHash: string }>;
      rsvps: Array<{ answer: string; persons: number }>;
      deliveries: unknown[];
    };
    expect(data.profile.email).toBe(email);
    expect(data.consents[0]).toMatchObject({ purpose: 'invitations' });
    expect(data.consents[0]!.text).toContain('Einladungen');
    expect(data.rsvps).toEqual([expect.objectContaining({ answer: 'yes', persons: 2 })]);
    expect(Array.isArray(data.deliveries)).toBe(true);

    const csv = await api('/api/subscribers/export', { token, format: 'csv' });
    const content = String(csv.json.content);
    expect(content.startsWith('\uFEFFBereich;Feld;Wert\r\n')).toBe(true);
    expect(content).toContain(`profile;email;${email}`);
    expect(content).toContain('rsvps 1;answer;yes');
  });

  it('erases everything on request and keeps only a salted hash that blocks a later import', async () => {
    const email = address('loeschen');
    const token = await confirmedSubscriber(email);
    const id = await subscriberIdFor(email);
    await adminDb.doc(paths.rsvp(NETWORK, 'netzwerktreffen-winter', id)).set({ answer: 'no' });
    const unconfirmed = await api('/api/subscribers/erase', { token, confirm: false });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.json.field).toBe('confirm');
    expect(await subscriber(email)).toBeDefined();

    const suppressedBefore = await count(`networks/${NETWORK}/suppressions`);
    const erased = await api('/api/subscribers/erase', { token, confirm: true });
    expect(erased.status).toBe(200);
    expect(await subscriber(email)).toBeUndefined();
    expect(
      (await adminDb.doc(paths.rsvp(NETWORK, 'netzwerktreffen-winter', id)).get()).exists,
    ).toBe(false);
    const tokens = await adminDb
      .collection('tokens')
      .where('targetPath', '==', paths.subscriber(NETWORK, id))
      .get();
    expect(tokens.size).toBe(0);
    const suppressions = await adminDb.collection(`networks/${NETWORK}/suppressions`).get();
    expect(suppressions.size).toBe(suppressedBefore + 1);
    for (const doc of suppressions.docs) {
      expect(doc.id).toMatch(/^[0-9a-f]{64}$/);
      expect(doc.id).not.toBe(id); // salted: not the plain hash of the address
      expect(JSON.stringify(doc.data())).not.toContain(email);
    }
    // The link is dead now.
    expect((await api('/api/subscribers/preferences', { token })).status).toBe(404);
  });
});

describe('retention (Art. 5 (1) e)', () => {
  it('deletes unconfirmed signups after 30 days with their tokens, expired tokens, and nothing else', async () => {
    const now = new Date();
    const daysAgo = (d: number) => Timestamp.fromMillis(now.getTime() - d * 86_400_000);
    const base = (
      await adminDb.collection(paths.subscribers(NETWORK)).limit(1).get()
    ).docs[0]!.data();
    const consent = base.consents.invitations ?? base.consents.volunteer;
    const make = async (label: string, status: string, requested: number, confirmed: boolean) => {
      const email = `${label}.${Date.now()}@aufbewahrung.example`;
      const ref = adminDb.doc(paths.subscriber(NETWORK, await subscriberIdFor(email)));
      await ref.set({
        ...base,
        email,
        status,
        requestedAt: daysAgo(requested),
        consents: {
          invitations: { ...consent, confirmedAt: confirmed ? daysAgo(requested) : null },
          volunteer: null,
        },
      });
      const tokenRef = adminDb.doc(`tokens/${createHash('sha256').update(email).digest('hex')}`);
      await tokenRef.set({
        purpose: 'confirmSubscription',
        networkId: NETWORK,
        targetPath: ref.path,
        expiresAt: Timestamp.fromMillis(now.getTime() + 86_400_000),
        usedAt: null,
        createdAt: daysAgo(requested),
      });
      return { ref, tokenRef };
    };
    const due = await make('faellig', 'pending', 31, false);
    const young = await make('jung', 'pending', 29, false);
    const bouncedNever = await make('unzustellbar', 'bounced', 40, false);
    const bouncedOnce = await make('einst-bestaetigt', 'bounced', 40, true);
    const confirmed = await make('bestaetigt', 'confirmed', 400, true);
    const unsubscribed = await make('abgemeldet', 'unsubscribed', 400, true);
    const expired = adminDb.doc(`tokens/${'e'.repeat(63)}1`);
    await expired.set({
      purpose: 'preferences',
      networkId: NETWORK,
      targetPath: confirmed.ref.path,
      expiresAt: daysAgo(1),
      usedAt: null,
      createdAt: daysAgo(400),
    });
    const forever = adminDb.doc(`tokens/${'f'.repeat(63)}1`);
    await forever.set({
      purpose: 'unsubscribe',
      networkId: NETWORK,
      targetPath: confirmed.ref.path,
      expiresAt: null,
      usedAt: null,
      createdAt: daysAgo(400),
    });

    const result = await handleSubscriberRetention(adminDb, now);
    expect(result.unconfirmedDeleted).toBeGreaterThanOrEqual(2);
    const exists = async (ref: FirebaseFirestore.DocumentReference) => (await ref.get()).exists;
    expect(await exists(due.ref)).toBe(false);
    expect(await exists(due.tokenRef)).toBe(false);
    expect(await exists(bouncedNever.ref)).toBe(false);
    expect(await exists(bouncedNever.tokenRef)).toBe(false);
    expect(await exists(expired)).toBe(false);
    for (const kept of [young, bouncedOnce, confirmed, unsubscribed]) {
      expect(await exists(kept.ref)).toBe(true);
      expect(await exists(kept.tokenRef)).toBe(true);
    }
    expect(await exists(forever)).toBe(true);
    // The demo's recent unconfirmed signups stay too.
    const pending = await adminDb
      .collection(paths.subscribers(NETWORK))
      .where('status', '==', 'pending')
      .get();
    expect(pending.size).toBeGreaterThan(0);
    // Running again changes nothing.
    expect((await handleSubscriberRetention(adminDb, now)).unconfirmedDeleted).toBe(0);
  });
});
