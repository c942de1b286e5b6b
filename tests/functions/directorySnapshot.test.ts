import { beforeAll, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import {
  actorInputSchema,
  directoryShardSchema,
  offerInputSchema,
  paths,
  publicActorSchema,
  type DirectoryShard,
} from '@knotenpunkt/model';
import { adminDb, eventually } from '../support/admin.ts';
import { FIRESTORE_HOST, PROJECT_ID } from '../support/env.ts';
import { freshDemo } from '../support/seed.ts';
import { demoActors, demoContacts, demoOffers } from '../../scripts/seed/demoDirectory.ts';
import {
  drainDirectoryQueue,
  handleDirectoryWrite,
  handleRebuildDirectory,
} from '../../functions/src/directory/snapshot.ts';

beforeAll(freshDemo);

/** Every shard of the published snapshot, merged (as a public page sees it). */
async function snapshot(): Promise<DirectoryShard & { raw: string }> {
  const head = await adminDb.doc(paths.publicDirectory()).get();
  if (!head.exists) return { actors: {}, offers: {}, raw: '' };
  const texts = [head.get('data') as string];
  for (let k = 1; k < Number(head.get('shards')); k++) {
    texts.push((await adminDb.doc(paths.publicDirectoryShard(k)).get()).get('data') as string);
  }
  const merged: DirectoryShard = { actors: {}, offers: {} };
  for (const text of texts) {
    const shard = directoryShardSchema.parse(JSON.parse(text));
    Object.assign(merged.actors, shard.actors);
    Object.assign(merged.offers, shard.offers);
  }
  return { ...merged, raw: texts.join('\n') };
}

/** Waits until the trigger has brought the snapshot to the expected state. */
function snapshotWhere(check: (s: Awaited<ReturnType<typeof snapshot>>) => boolean) {
  return eventually(async () => {
    const s = await snapshot();
    return check(s) ? s : undefined;
  });
}

async function page(kind: 'actor' | 'offer', id: string) {
  const snap = await adminDb
    .doc(kind === 'actor' ? paths.publicActor(id) : paths.publicOffer(id))
    .get();
  return snap.exists ? (JSON.parse(snap.get('data') as string) as Record<string, unknown>) : null;
}

const stamps = () => ({
  createdAt: Timestamp.now(),
  updatedAt: Timestamp.now(),
  updatedBy: 'test-coordinator',
});

const newActor = (overrides: Record<string, unknown> = {}) => ({
  ...actorInputSchema.parse({
    name: 'Nähcafé Grünweg',
    kinds: ['Initiative'],
    shortDescription: 'Gemeinsam nähen und Deutsch sprechen.',
    fieldsOfAction: ['Gesellschaftliche Teilhabe'],
    languages: ['Deutsch', 'Arabisch'],
    municipality: 'Hemerfeld',
    publicContact: { phone: '02372 99887', email: 'naehcafe@example.de' },
    networkIds: ['hemerfeld'],
    status: 'published',
    ...overrides,
  }),
  ...stamps(),
});

describe('the published directory snapshot', () => {
  it('holds every published demo actor and offer once the seed has been applied', async () => {
    const published = demoActors.filter((a) => a.input.status === 'published');
    const publishedOffers = demoOffers.filter((o) => o.input.status === 'published');
    const s = await snapshotWhere(
      (s) =>
        Object.keys(s.actors).length === published.length &&
        Object.keys(s.offers).length === publishedOffers.length,
    );
    for (const draft of demoActors.filter((a) => a.input.status !== 'published')) {
      expect(s.actors).not.toHaveProperty(draft.id);
      expect(await page('actor', draft.id)).toBeNull();
    }
    expect(s.actors['mbe-caritas']?.name).toBe('Migrationsberatung für Erwachsene (Caritas)');
  });

  it('never contains contacts or internal fields', async () => {
    const s = await snapshot();
    for (const contact of demoContacts) {
      expect(s.raw).not.toContain(contact.input.name);
      if (contact.input.email) expect(s.raw).not.toContain(contact.input.email);
      expect(s.raw).not.toContain(contact.input.phone);
    }
    const actorPage = await page('actor', 'mbe-caritas');
    const offerPage = await page('offer', demoOffers[0]!.id);
    for (const text of [s.raw, JSON.stringify(actorPage), JSON.stringify(offerPage)]) {
      for (const key of ['networkIds', 'status', 'updatedBy', 'createdAt', 'lastConfirmedAt']) {
        expect(text).not.toContain(`"${key}"`);
      }
      expect(text).not.toContain('"seed"');
    }
    expect(publicActorSchema.parse(actorPage).publicContact.email).toMatch(/@/);
  });

  it('adds a created published actor with its public page', async () => {
    await adminDb.doc(paths.actor('naehcafe')).set(newActor());
    const s = await snapshotWhere((s) => 'naehcafe' in s.actors);
    expect(s.actors.naehcafe).toMatchObject({ name: 'Nähcafé Grünweg', municipality: 'Hemerfeld' });
    const p = await eventually(() => page('actor', 'naehcafe').then((p) => p ?? undefined));
    expect(p).toMatchObject({ publicContact: { email: 'naehcafe@example.de' } });
  });

  it('follows an edit of the entry', async () => {
    await adminDb
      .doc(paths.actor('naehcafe'))
      .update({ name: 'Nähcafé am Grünweg', updatedAt: Timestamp.now() });
    await snapshotWhere((s) => s.actors.naehcafe?.name === 'Nähcafé am Grünweg');
    await eventually(async () =>
      (await page('actor', 'naehcafe'))?.name === 'Nähcafé am Grünweg' ? true : undefined,
    );
  });

  it('leaves drafts out and adds them when they are published', async () => {
    await adminDb
      .doc(paths.actor('entwurf'))
      .set(newActor({ name: 'Noch geheim', status: 'draft' }));
    await adminDb.doc(paths.offer('entwurf-angebot')).set({
      ...offerInputSchema.parse({
        actorIds: ['naehcafe'],
        title: 'Nähkurs für Anfängerinnen',
        offerTypes: ['Bildung/Kurs'],
        free: true,
        childcare: true,
        networkIds: ['hemerfeld'],
        status: 'draft',
      }),
      ...stamps(),
    });
    // Let the triggers run, then make sure nothing of the drafts was published.
    await drainDirectoryQueue(adminDb);
    await eventually(async () =>
      (await adminDb.collection(paths.directoryQueue()).limit(1).get()).empty ? true : undefined,
    );
    const before = await snapshot();
    expect(before.raw).not.toContain('Noch geheim');
    expect(before.offers).not.toHaveProperty('entwurf-angebot');

    await adminDb.doc(paths.offer('entwurf-angebot')).update({ status: 'published' });
    const s = await snapshotWhere((s) => 'entwurf-angebot' in s.offers);
    expect(s.offers['entwurf-angebot']).toMatchObject({
      actorIds: ['naehcafe'],
      free: true,
      childcare: true,
      barrierFree: false,
    });
    expect(s.raw).not.toContain('Noch geheim');
  });

  it('removes an archived entry and its page', async () => {
    await adminDb.doc(paths.actor('naehcafe')).update({ status: 'archived' });
    await snapshotWhere((s) => !('naehcafe' in s.actors));
    await eventually(async () => ((await page('actor', 'naehcafe')) === null ? true : undefined));
  });

  it('removes a deleted entry and its page', async () => {
    await adminDb.doc(paths.offer('entwurf-angebot')).delete();
    await snapshotWhere((s) => !('entwurf-angebot' in s.offers));
    await eventually(async () =>
      (await page('offer', 'entwurf-angebot')) === null ? true : undefined,
    );
  });

  it('writes nothing when an event is delivered again', async () => {
    await drainDirectoryQueue(adminDb);
    const again = await handleDirectoryWrite(adminDb, 'actor', 'mbe-caritas');
    expect(again.applied).toBe(1);
    // The mark, the lease and its release: no snapshot document changes.
    const headBefore = await adminDb.doc(paths.publicDirectory()).get();
    await handleDirectoryWrite(adminDb, 'actor', 'mbe-caritas');
    const headAfter = await adminDb.doc(paths.publicDirectory()).get();
    expect(headAfter.updateTime?.isEqual(headBefore.updateTime!)).toBe(true);
  });

  it('a rebuild from the collections finds nothing to change after the edits', async () => {
    const result = await handleRebuildDirectory(adminDb);
    expect(result).not.toBeNull();
    expect(result!.writes).toBe(0);
    expect(result!.shards).toBe(1);
  });

  it('rebuilds the head after it was lost, with the same content', async () => {
    const before = await snapshot();
    await adminDb.doc(paths.publicDirectory()).delete();
    await handleRebuildDirectory(adminDb);
    const after = await snapshot();
    expect(after.raw).toBe(before.raw);
  });

  it('can be read by anyone with a plain request to the REST API, as public pages do', async () => {
    const url =
      `http://${FIRESTORE_HOST}/v1/projects/${PROJECT_ID}/databases/(default)/documents/` +
      `${paths.publicDirectory()}?mask.fieldPaths=data&mask.fieldPaths=shards`;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { fields: { data: { stringValue: string } } };
    expect(Object.keys(JSON.parse(body.fields.data.stringValue).actors)).toContain('mbe-caritas');
    const queue = await fetch(
      `http://${FIRESTORE_HOST}/v1/projects/${PROJECT_ID}/databases/(default)/documents/directoryQueue`,
    );
    expect(queue.status).toBe(403);
  });
});
