import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FirebaseError } from 'firebase/app';
import { membershipPath, paths } from '@knotenpunkt/model';
import { adminAuth, adminDb, eventually } from '../support/admin.ts';
import { clientAs } from '../support/client.ts';
import { clearMail, mailTo } from '../support/maildev.ts';
import { ADMIN, COORDINATOR_A, freshDemo } from '../support/seed.ts';

type Client = Awaited<ReturnType<typeof clientAs>>;
let admin: Client;
let coordinator: Client;

beforeAll(async () => {
  await freshDemo();
  admin = await clientAs(ADMIN);
  coordinator = await clientAs(COORDINATOR_A);
});
afterAll(async () => {
  await admin.close();
  await coordinator.close();
});
beforeEach(clearMail);

/** Calls and returns the FirebaseError it fails with (the test fails if the call succeeds). */
async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FirebaseError)
      return error as FirebaseError & { details?: { code: string; field?: string } };
    throw error;
  }
  throw new Error('expected the call to fail');
}

const validNetwork = {
  slug: 'netzwerk-neustadt',
  name: 'Netzwerk Integration Neustadt',
  region: 'Stadt Neustadt',
};

describe('createNetwork', () => {
  it('lets an admin create a network whose slug becomes its id', async () => {
    const { data } = await admin.call<{ networkId: string }>('createNetwork', validNetwork);
    expect(data.networkId).toBe('netzwerk-neustadt');
    const doc = await adminDb.doc(paths.network('netzwerk-neustadt')).get();
    expect(doc.get('name')).toBe('Netzwerk Integration Neustadt');
    expect(doc.get('fieldsOfAction')).toContain('Arbeitsmarkt');
  });

  it('refuses a second network with the same slug', async () => {
    const error = await failure(admin.call('createNetwork', validNetwork));
    expect(error.code).toBe('functions/already-exists');
    expect(error.details).toMatchObject({ code: 'NETWORK_EXISTS', field: 'slug' });
  });

  it('refuses a coordinator: only admins create networks', async () => {
    const error = await failure(
      coordinator.call('createNetwork', { ...validNetwork, slug: 'nicht-erlaubt' }),
    );
    expect(error.code).toBe('functions/permission-denied');
    expect((await adminDb.doc(paths.network('nicht-erlaubt')).get()).exists).toBe(false);
  });

  it('refuses a signed-out caller', async () => {
    const anonymous = await clientAs();
    const error = await failure(
      anonymous.call('createNetwork', { ...validNetwork, slug: 'anonym' }),
    );
    await anonymous.close();
    expect(error.code).toBe('functions/unauthenticated');
  });

  const badInputs: Array<[string, unknown, string]> = [
    ['a missing name', { slug: 'x-netz', region: 'R' }, 'name'],
    ['a wrong type', { ...validNetwork, slug: 'typ-netz', public: 'ja' }, 'public'],
    ['an unknown key', { ...validNetwork, slug: 'key-netz', admin: true }, 'admin'],
    ['an oversized string', { ...validNetwork, slug: 'lang-netz', name: 'x'.repeat(201) }, 'name'],
    ['an invalid slug', { ...validNetwork, slug: 'Mit Leerzeichen' }, 'slug'],
    [
      'a bad contact email',
      { ...validNetwork, slug: 'mail-netz', contactPersons: [{ name: 'A', email: 'kaputt' }] },
      'contactPersons.0.email',
    ],
  ];
  for (const [what, input, field] of badInputs) {
    it(`answers invalid-argument naming the field for ${what} and writes nothing`, async () => {
      const before = (await adminDb.collection('networks').count().get()).data().count;
      const error = await failure(admin.call('createNetwork', input));
      expect(error.code).toBe('functions/invalid-argument');
      expect(error.details?.code).toBe('INVALID_ARGUMENT');
      expect(error.details?.field).toBe(field);
      expect((await adminDb.collection('networks').count().get()).data().count).toBe(before);
    });
  }
});

describe('grantCoordinator and revokeCoordinator', () => {
  const person = {
    networkId: 'hemerfeld',
    email: 'Neue.Koordination@Example.org',
    name: 'Svetlana Petrova',
  };

  it('creates the account, the membership and its index, and mails a link to set a password', async () => {
    const { data } = await admin.call<{ uid: string; created: boolean; mailed: boolean }>(
      'grantCoordinator',
      person,
    );
    expect(data).toMatchObject({ created: true, mailed: true });
    const user = await adminAuth.getUserByEmail('neue.koordination@example.org');
    expect(user.uid).toBe(data.uid);
    const member = await adminDb.doc(paths.member('hemerfeld', data.uid)).get();
    expect(member.get('role')).toBe('coordinator');
    expect(member.get('email')).toBe('neue.koordination@example.org');
    expect((await adminDb.doc(membershipPath(data.uid)).get()).get('networkIds')).toEqual([
      'hemerfeld',
    ]);

    const [mail] = await eventually(async () => {
      const list = await mailTo('neue.koordination@example.org');
      return list.length > 0 ? list : undefined;
    });
    expect(mail!.subject).toBe('Sie koordinieren jetzt: Netzwerk Integration Hemerfeld');
    expect(mail!.text).toContain('Passwort');
    expect(mail!.text).toContain('mode=resetPassword');
    expect(mail!.html).toContain('Passwort festlegen');
  });

  it('changes nothing and mails nothing when granted twice', async () => {
    const { data } = await admin.call<{ alreadyMember: boolean; mailed: boolean }>(
      'grantCoordinator',
      person,
    );
    expect(data).toMatchObject({ alreadyMember: true, mailed: false });
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailTo(person.email)).toHaveLength(0);
  });

  it('tells an existing user to sign in instead of creating an account', async () => {
    const { data } = await admin.call<{ created: boolean }>('grantCoordinator', {
      networkId: 'hemerfeld',
      email: COORDINATOR_A.email,
      name: COORDINATOR_A.name,
    });
    expect(data.created).toBe(false);
    const [mail] = await eventually(async () => {
      const list = await mailTo(COORDINATOR_A.email);
      return list.length > 0 ? list : undefined;
    });
    expect(mail!.text).toContain('bestehenden Zugang');
    const ids = (
      await adminDb
        .doc(membershipPath((await adminAuth.getUserByEmail(COORDINATOR_A.email)).uid))
        .get()
    ).get('networkIds');
    expect([...ids].sort()).toEqual(['hemerfeld', 'landkreis-rheinwald']);
  });

  it('refuses an unknown network', async () => {
    const error = await failure(
      admin.call('grantCoordinator', { ...person, networkId: 'gibt-es-nicht' }),
    );
    expect(error.details).toMatchObject({ code: 'NETWORK_NOT_FOUND', field: 'networkId' });
  });

  it('refuses a coordinator granting roles', async () => {
    const error = await failure(
      coordinator.call('grantCoordinator', { ...person, email: 'x@example.org' }),
    );
    expect(error.code).toBe('functions/permission-denied');
  });

  it('answers invalid-argument for a bad email and writes nothing', async () => {
    const error = await failure(
      admin.call('grantCoordinator', { ...person, email: 'keine-adresse' }),
    );
    expect(error.details).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'email' });
  });

  it('revokes the membership and removes the network from the index', async () => {
    const uid = (await adminAuth.getUserByEmail(person.email.toLowerCase())).uid;
    await admin.call('revokeCoordinator', { networkId: 'hemerfeld', uid });
    expect((await adminDb.doc(paths.member('hemerfeld', uid)).get()).exists).toBe(false);
    expect((await adminDb.doc(membershipPath(uid)).get()).get('networkIds')).toEqual([]);
    const again = await failure(admin.call('revokeCoordinator', { networkId: 'hemerfeld', uid }));
    expect(again.details).toMatchObject({ code: 'MEMBER_NOT_FOUND' });
  });
});
