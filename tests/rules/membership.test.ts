// Roles are documents read at every request: a revocation denies the very next request, a grant
// allows it, and nobody can grant themselves anything.
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  collection,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
} from 'firebase/firestore';
import { describe, it } from 'vitest';
import { storedActor, storedMember, storedSubscriber, subscriberIdOf, T0 } from './fixtures.ts';
import { ADMIN, COORD_A, COORD_B, NETWORK_A, NETWORK_B, SIGNED_IN } from './personas.ts';
import { rulesTestbed } from './testbed.ts';

const t = rulesTestbed(async () => ({
  'actors/draft': storedActor({ status: 'draft' }),
  [`networks/${NETWORK_A}/subscribers/${await subscriberIdOf('anna')}`]:
    await storedSubscriber('anna'),
}));

const subscribers = () => collection(t.as(COORD_A), `networks/${NETWORK_A}/subscribers`);

/** What the revokeCoordinator function writes, in one transaction. */
async function revokeCoordinatorA() {
  await t.remove(`networks/${NETWORK_A}/members/${COORD_A.uid}`);
  await t.seed({ [`memberships/${COORD_A.uid}`]: { networkIds: [], updatedAt: T0 } });
}

describe('revoking a coordinator', () => {
  it('a revoked coordinator cannot read subscribers at the next request', async () => {
    await assertSucceeds(getDocs(subscribers()));
    await revokeCoordinatorA();
    await assertFails(getDocs(subscribers()));
  });

  it('a revoked coordinator cannot read the network’s draft actors at the next request', async () => {
    const draft = doc(t.as(COORD_A), 'actors/draft');
    await assertSucceeds(getDoc(draft));
    await revokeCoordinatorA();
    await assertFails(getDoc(draft));
    await assertFails(
      getDocs(
        query(
          collection(t.as(COORD_A), 'actors'),
          where('networkIds', 'array-contains', NETWORK_A),
        ),
      ),
    );
  });

  it('a revoked coordinator cannot edit the network profile at the next request', async () => {
    const network = doc(t.as(COORD_A), `networks/${NETWORK_A}`);
    await assertSucceeds(updateDoc(network, { region: 'Kreis Ost', updatedAt: serverTimestamp() }));
    await revokeCoordinatorA();
    await assertFails(updateDoc(network, { region: 'Kreis West', updatedAt: serverTimestamp() }));
  });

  it('a removed admin cannot list the admins at the next request', async () => {
    const admins = collection(t.as(ADMIN), 'admins');
    await assertSucceeds(getDocs(admins));
    await t.remove(`admins/${ADMIN.uid}`);
    await assertFails(getDocs(admins));
  });
});

describe('granting a coordinator', () => {
  it('a newly granted coordinator can read subscribers at the next request', async () => {
    const list = collection(t.as(SIGNED_IN), `networks/${NETWORK_A}/subscribers`);
    await assertFails(getDocs(list));
    await t.seed({
      [`networks/${NETWORK_A}/members/${SIGNED_IN.uid}`]: storedMember('Neu', 'neu@example.de'),
      [`memberships/${SIGNED_IN.uid}`]: { networkIds: [NETWORK_A], updatedAt: T0 },
    });
    await assertSucceeds(getDocs(list));
  });
});

describe('nobody grants themselves a role', () => {
  it('a signed-in user cannot make themselves a coordinator of network A', async () => {
    await assertFails(
      setDoc(doc(t.as(SIGNED_IN), `networks/${NETWORK_A}/members/${SIGNED_IN.uid}`), {
        role: 'coordinator',
        name: 'Ich',
        email: 'ich@example.de',
        grantedAt: serverTimestamp(),
        grantedBy: SIGNED_IN.uid,
      }),
    );
  });

  it('a coordinator of network A cannot add network B to their own membership index', async () => {
    await assertFails(
      updateDoc(doc(t.as(COORD_A), `memberships/${COORD_A.uid}`), {
        networkIds: [NETWORK_A, NETWORK_B],
        updatedAt: serverTimestamp(),
      }),
    );
  });

  it('a coordinator cannot make themselves an admin', async () => {
    await assertFails(
      setDoc(doc(t.as(COORD_B), `admins/${COORD_B.uid}`), {
        email: 'b@example.de',
        grantedAt: serverTimestamp(),
      }),
    );
  });

  it('an admin cannot grant coordinator membership from the client', async () => {
    await assertFails(
      setDoc(doc(t.as(ADMIN), `networks/${NETWORK_B}/members/${COORD_A.uid}`), {
        role: 'coordinator',
        name: 'A',
        email: 'a@example.de',
        grantedAt: serverTimestamp(),
        grantedBy: ADMIN.uid,
      }),
    );
  });

  it('a user can read their own (missing) admin document and own membership', async () => {
    await assertSucceeds(getDoc(doc(t.as(SIGNED_IN), `admins/${SIGNED_IN.uid}`)));
    await assertSucceeds(
      getDoc(doc(t.as(COORD_B), `networks/${NETWORK_B}/members/${COORD_B.uid}`)),
    );
    await assertFails(getDoc(doc(t.as(SIGNED_IN), `admins/${ADMIN.uid}`)));
  });
});
