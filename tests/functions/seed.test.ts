import { beforeAll, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import {
  actorSchema,
  contactSchema,
  meetingSchema,
  networkSchema,
  offerSchema,
  subscriberSchema,
  workingGroupSchema,
} from '@knotenpunkt/model';
import { adminDb } from '../support/admin.ts';
import { freshDemo } from '../support/seed.ts';

beforeAll(freshDemo);

/** Timestamps become Dates at this edge, as in the web data layer. */
function fromFirestore(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate();
  if (Array.isArray(value)) return value.map(fromFirestore);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromFirestore(v)]));
  }
  return value;
}

interface Schema {
  safeParse(value: unknown): {
    success: boolean;
    error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
  };
}

async function expectAllParse(query: FirebaseFirestore.Query, schema: Schema) {
  const snap = await query.get();
  expect(snap.size).toBeGreaterThan(0);
  const failures = snap.docs
    .map((d) => ({ id: d.id, result: schema.safeParse(fromFirestore(d.data())) }))
    .filter((r) => !r.result.success)
    .map(
      (r) =>
        `${r.id}: ${r.result.error?.issues.map((i) => `${i.path.map(String).join('.')} ${i.message}`).join('; ')}`,
    );
  expect(failures).toEqual([]);
  return snap.size;
}

describe('the demo seed', () => {
  it('stores every document in the shape the model defines', async () => {
    expect(await expectAllParse(adminDb.collection('networks'), networkSchema)).toBe(2);
    expect(await expectAllParse(adminDb.collection('actors'), actorSchema)).toBeGreaterThanOrEqual(
      20,
    );
    expect(await expectAllParse(adminDb.collection('offers'), offerSchema)).toBeGreaterThanOrEqual(
      14,
    );
    await expectAllParse(adminDb.collection('contacts'), contactSchema);
    expect(await expectAllParse(adminDb.collectionGroup('workingGroups'), workingGroupSchema)).toBe(
      2,
    );
    expect(await expectAllParse(adminDb.collectionGroup('meetings'), meetingSchema)).toBe(3);
    expect(await expectAllParse(adminDb.collectionGroup('subscribers'), subscriberSchema)).toBe(30);
  });

  it('has subscribers in every status', async () => {
    const statuses = new Set(
      (await adminDb.collectionGroup('subscribers').get()).docs.map((d) => d.get('status')),
    );
    expect([...statuses].sort()).toEqual(['bounced', 'confirmed', 'pending', 'unsubscribed']);
  });
});
