import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROPOSAL_BODY_MAX_BYTES, paths, proposalSchema } from '@knotenpunkt/model';
import { adminDb } from '../support/admin.ts';
import { APP_URL } from '../support/env.ts';
import { clearMail, listMail, mailTo } from '../support/maildev.ts';
import { COORDINATOR_A, COORDINATOR_B, freshDemo } from '../support/seed.ts';

beforeAll(freshDemo);
beforeEach(async () => {
  await clearMail();
  // Each test is its own client (Hosting's CDN names the client in Fastly-Client-IP).
  client = `198.51.100.${++clientNo}`;
});

let clientNo = 0;
let client = '';

const validActor = () => ({
  entity: 'actor',
  networkId: 'hemerfeld',
  fields: {
    name: 'Nähcafé International',
    kinds: ['Initiative'],
    shortDescription: 'Wir nähen, reparieren und sprechen Deutsch.',
    languages: ['Deutsch', 'Arabisch'],
    address: { street: 'Grünweg 4', postalCode: '58675', city: 'Hemerfeld' },
  },
  proposer: { name: 'Aylin Kaya', email: 'aylin@example.de' },
  privacy: true,
  homepage: '',
});

async function post(body: unknown, init: { contentType?: string; raw?: string } = {}) {
  const res = await fetch(`${APP_URL}/api/proposals`, {
    method: 'POST',
    headers: {
      'content-type': init.contentType ?? 'application/json',
      'fastly-client-ip': client,
    },
    body: init.raw ?? JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      field?: string;
      fields?: Record<string, string>;
      message: string;
    },
  };
}

async function proposalCount() {
  return (await adminDb.collection(paths.proposals()).count().get()).data().count;
}

describe('POST /api/proposals', () => {
  it('stores a valid proposal for the review inbox and tells the coordinators by mail', async () => {
    const before = await proposalCount();
    const { status, body } = await post(validActor());
    expect(status).toBe(201);
    expect(body.message).toMatch(/Vielen Dank/);
    const stored = await adminDb
      .collection(paths.proposals())
      .where('fields.name', '==', 'Nähcafé International')
      .get();
    expect(stored.size).toBe(1);
    expect(await proposalCount()).toBe(before + 1);
    const data = stored.docs[0]!.data();
    const proposal = proposalSchema.parse({ ...data, submittedAt: data.submittedAt.toDate() });
    expect(proposal).toMatchObject({
      entity: 'actor',
      origin: 'public',
      targetId: null,
      networkIds: ['hemerfeld'],
      status: 'open',
      proposer: { name: 'Aylin Kaya', email: 'aylin@example.de' },
    });
    expect(proposal.fields).toMatchObject({ kinds: ['Initiative'], website: '' });
    expect(proposal.fields).not.toHaveProperty('status');

    const [mail] = await mailTo(COORDINATOR_B.email);
    expect(mail?.subject).toBe('Neuer Vorschlag für das Verzeichnis: Nähcafé International');
    expect(mail?.text).toContain('/verwaltung/eingang');
    // Only the coordinators of the chosen network are told; the proposer's data stays in the inbox.
    expect(await mailTo(COORDINATOR_A.email)).toEqual([]);
    expect(mail?.text).not.toContain('aylin@example.de');
  });

  it('stores an offer of a published actor', async () => {
    const { status } = await post({
      ...validActor(),
      entity: 'offer',
      networkId: 'landkreis-rheinwald',
      fields: {
        title: 'Offener Nähtreff',
        offerTypes: ['Begegnung'],
        actorIds: ['mbe-caritas'],
        free: true,
        childcare: true,
      },
    });
    expect(status).toBe(201);
    expect(await mailTo(COORDINATOR_A.email)).toHaveLength(1);
  });

  const bad: Array<[string, () => unknown, string]> = [
    [
      'an empty name',
      () => ({ ...validActor(), fields: { ...validActor().fields, name: ' ' } }),
      'fields.name',
    ],
    [
      'no kind of actor',
      () => ({ ...validActor(), fields: { ...validActor().fields, kinds: [] } }),
      'fields.kinds',
    ],
    [
      'an unknown kind',
      () => ({ ...validActor(), fields: { ...validActor().fields, kinds: ['Partei'] } }),
      'fields.kinds.0',
    ],
    [
      'a field the public may not set',
      () => ({ ...validActor(), fields: { ...validActor().fields, status: 'published' } }),
      'fields.status',
    ],
    ['an unknown top-level key', () => ({ ...validActor(), role: 'admin' }), 'role'],
    [
      'a website without https://',
      () => ({ ...validActor(), fields: { ...validActor().fields, website: 'naehcafe.de' } }),
      'fields.website',
    ],
    [
      'a five-digit postal code missing',
      () => ({
        ...validActor(),
        fields: { ...validActor().fields, address: { postalCode: '586' } },
      }),
      'fields.address.postalCode',
    ],
    [
      'a too long short description',
      () => ({
        ...validActor(),
        fields: { ...validActor().fields, shortDescription: 'x'.repeat(301) },
      }),
      'fields.shortDescription',
    ],
    [
      'an invalid proposer email',
      () => ({ ...validActor(), proposer: { name: 'A', email: 'kein-at' } }),
      'proposer.email',
    ],
    ['no consent to processing', () => ({ ...validActor(), privacy: false }), 'privacy'],
    ['no network', () => ({ ...validActor(), networkId: '' }), 'networkId'],
    ['an unknown network', () => ({ ...validActor(), networkId: 'gibt-es-nicht' }), 'networkId'],
    ['an unknown entity', () => ({ ...validActor(), entity: 'meeting' }), 'entity'],
    [
      'an offer without actor',
      () => ({
        ...validActor(),
        entity: 'offer',
        fields: { title: 'Kurs', offerTypes: ['Sprachkurs'], actorIds: [] },
      }),
      'fields.actorIds',
    ],
    [
      'an offer of an unpublished actor',
      () => ({
        ...validActor(),
        entity: 'offer',
        fields: {
          title: 'Kurs',
          offerTypes: ['Sprachkurs'],
          actorIds: ['mbe-caritas', 'vhs-rheinwald'],
        },
      }),
      'fields.actorIds.1',
    ],
    ['a body that is not an object', () => ['Nähcafé'], '_'],
  ];

  for (const [what, body, field] of bad) {
    it(`answers 4xx naming ${field} and stores nothing for ${what}`, async () => {
      const before = await proposalCount();
      const res = await post(body());
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.field).toBe(field);
      expect(res.body.message).toContain(field);
      expect(await proposalCount()).toBe(before);
    });
  }

  it('refuses a body that is not JSON with 415 and stores nothing', async () => {
    const before = await proposalCount();
    const res = await post(null, { contentType: 'text/plain', raw: 'name=Nähcafé' });
    expect(res.status).toBe(415);
    expect(res.body.field).toBe('_');
    expect(await proposalCount()).toBe(before);
  });

  it('refuses a body that is too large with 413 and stores nothing', async () => {
    const before = await proposalCount();
    const huge = {
      ...validActor(),
      homepage: '',
      fields: { ...validActor().fields, description: 'x'.repeat(PROPOSAL_BODY_MAX_BYTES) },
    };
    const res = await post(huge);
    expect(res.status).toBe(413);
    expect(await proposalCount()).toBe(before);
  });

  it('answers a filled honeypot like a success, but stores and mails nothing', async () => {
    const before = await proposalCount();
    const res = await post({ ...validActor(), homepage: 'https://spam.example' });
    expect(res.status).toBe(201);
    expect(await proposalCount()).toBe(before);
    expect(await listMail()).toEqual([]);
  });

  it('lets one client store five proposals an hour, then answers 429; others go on', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await post({
        ...validActor(),
        fields: { ...validActor().fields, name: `Vorschlag ${i}` },
      });
      expect(res.status).toBe(201);
    }
    const before = await proposalCount();
    const limited = await post(validActor());
    expect(limited.status).toBe(429);
    expect(limited.body.message).toMatch(/Zu viele Anfragen/);
    expect(await proposalCount()).toBe(before);

    client = '203.0.113.99';
    expect((await post(validActor())).status).toBe(201);
  });
});
