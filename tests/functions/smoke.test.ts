import { beforeAll, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { paths } from '@knotenpunkt/model';
import { adminDb, eventually } from '../support/admin.ts';
import { APP_URL } from '../support/env.ts';
import { freshDemo } from '../support/seed.ts';

beforeAll(freshDemo);

describe('the HTTP API behind the Hosting rewrite', () => {
  it('records a heartbeat through firebase-admin and reads it back', async () => {
    const before = (await adminDb.doc('system/health').get()).get('checks') ?? 0;
    const res = await fetch(`${APP_URL}/api/health`, { method: 'POST' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; checks: number };
    expect(body.ok).toBe(true);
    expect(body.checks).toBe(before + 1);
    expect((await adminDb.doc('system/health').get()).get('checks')).toBe(before + 1);
  });

  it('answers 404 in German for an unknown route and 405 for a wrong method', async () => {
    const missing = await fetch(`${APP_URL}/api/gibt-es-nicht`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toBe('Unbekannte Adresse.');
    expect((await fetch(`${APP_URL}/api/health`)).status).toBe(405);
  });
});

describe('the public calendar snapshot trigger', () => {
  it('adds a new public meeting to the network snapshot and leaves internal ones out', async () => {
    const start = new Date(Date.now() + 3 * 86_400_000);
    const base = {
      kind: 'Workshop',
      topic: '',
      start: Timestamp.fromDate(start),
      end: Timestamp.fromDate(new Date(start.getTime() + 7_200_000)),
      place: 'Rathaus Hemerfeld',
      status: 'planned',
    };
    await adminDb
      .doc(paths.meeting('hemerfeld', 'workshop-test'))
      .set({ ...base, title: 'Workshop Elternarbeit', public: true });
    await adminDb
      .doc(paths.meeting('hemerfeld', 'intern-test'))
      .set({ ...base, title: 'Interne Vorbesprechung', public: false });
    const titles = await eventually(async () => {
      const snap = await adminDb.doc(paths.publicCalendar('hemerfeld')).get();
      const list = ((snap.get('meetings') ?? []) as Array<{ title: string }>).map((m) => m.title);
      return list.includes('Workshop Elternarbeit') ? list : undefined;
    });
    expect(titles).not.toContain('Interne Vorbesprechung');
    // The seeded public Dialogcafé of the same network is kept, in start order.
    expect(titles).toEqual(['Workshop Elternarbeit', 'Dialogcafé: Ankommen in Hemerfeld']);
  });

  it('removes a meeting from the snapshot once it is cancelled', async () => {
    await adminDb.doc(paths.meeting('hemerfeld', 'workshop-test')).update({ status: 'cancelled' });
    await eventually(async () => {
      const snap = await adminDb.doc(paths.publicCalendar('hemerfeld')).get();
      const list = ((snap.get('meetings') ?? []) as Array<{ id: string }>).map((m) => m.id);
      return list.includes('workshop-test') ? undefined : list;
    });
  });
});
