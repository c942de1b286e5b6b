// Rules are not filters: a query is allowed only if every document it could return is readable,
// whatever the collection holds right now. These are the query shapes web and functions rely on.
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, getDocs, query, where } from 'firebase/firestore';
import { describe, it } from 'vitest';
import { ofNetwork, ofNetworks, publicOnly, publishedOnly } from '@knotenpunkt/model';
import { storedActor, storedMeeting, storedMember, storedOffer, T0 } from './fixtures.ts';
import {
  COORD_A,
  COORD_B,
  NETWORK_A,
  NETWORK_B,
  PUBLIC,
  SIGNED_IN,
  type Persona,
} from './personas.ts';
import { rulesTestbed } from './testbed.ts';

/** Coordinates both networks. */
const COORD_AB: Persona = {
  key: 'coordA',
  label: 'coordinator A+B',
  subject: 'a coordinator of networks A and B',
  uid: 'coord-ab',
};

// Only published, public documents are stored: every one of them is readable by everybody.
const t = rulesTestbed(() => ({
  'actors/cafe': storedActor({ status: 'published' }),
  'actors/kita': storedActor({ status: 'published', networkIds: [NETWORK_B] }),
  'offers/sprachcafe': storedOffer({ status: 'published' }),
  [`networks/${NETWORK_A}/meetings/m1`]: storedMeeting({ public: true }),
  [`networks/${NETWORK_B}/meetings/m1`]: storedMeeting({ public: true }),
  [`networks/${NETWORK_A}/members/coord-ab`]: storedMember('A+B', 'ab@example.de'),
  [`networks/${NETWORK_B}/members/coord-ab`]: storedMember('A+B', 'ab@example.de'),
  'memberships/coord-ab': { networkIds: [NETWORK_A, NETWORK_B], updatedAt: T0 },
}));

const actors = (p: Persona) => collection(t.as(p), 'actors');

describe('public queries must state the public condition', () => {
  it('a visitor cannot list actors without a status filter, even when all are published', async () => {
    await assertFails(getDocs(actors(PUBLIC)));
  });

  it('a visitor can list actors filtered to status published', async () => {
    await assertSucceeds(getDocs(query(actors(PUBLIC), where(...publishedOnly))));
  });

  it('a visitor cannot list actors filtered to drafts or to several statuses', async () => {
    await assertFails(getDocs(query(actors(PUBLIC), where('status', '==', 'draft'))));
    await assertFails(
      getDocs(query(actors(PUBLIC), where('status', 'in', ['published', 'archived']))),
    );
  });

  it('a visitor cannot list offers without a status filter', async () => {
    await assertFails(getDocs(collection(t.as(PUBLIC), 'offers')));
  });

  it('a visitor cannot list the networks without the public filter', async () => {
    await assertFails(getDocs(collection(t.as(PUBLIC), 'networks')));
    await assertSucceeds(
      getDocs(query(collection(t.as(PUBLIC), 'networks'), where(...publicOnly))),
    );
  });

  it('a visitor cannot list meetings, not even public ones: public pages read the snapshots', async () => {
    const meetings = collection(t.as(PUBLIC), `networks/${NETWORK_A}/meetings`);
    await assertFails(getDocs(meetings));
    await assertFails(getDocs(query(meetings, where(...publicOnly))));
  });

  it('a coordinator can list all meetings of their network, with or without the public filter', async () => {
    const meetings = collection(t.as(COORD_A), `networks/${NETWORK_A}/meetings`);
    await assertSucceeds(getDocs(meetings));
    await assertSucceeds(getDocs(query(meetings, where(...publicOnly))));
  });

  it('a signed-in user without membership cannot list a network’s actors by network', async () => {
    await assertFails(getDocs(query(actors(SIGNED_IN), where(...ofNetwork(NETWORK_A)))));
  });
});

describe('coordinators query the directory by their networks', () => {
  it('a coordinator of network A can list actors where networkIds array-contains A', async () => {
    await assertSucceeds(getDocs(query(actors(COORD_A), where(...ofNetwork(NETWORK_A)))));
  });

  it('a coordinator of network A can narrow that query by status', async () => {
    await assertSucceeds(
      getDocs(
        query(actors(COORD_A), where(...ofNetwork(NETWORK_A)), where('status', '==', 'draft')),
      ),
    );
  });

  it('a coordinator of network A cannot list actors of network B in every status', async () => {
    await assertFails(getDocs(query(actors(COORD_A), where(...ofNetwork(NETWORK_B)))));
  });

  it('a coordinator of network A can list the published actors of network B', async () => {
    await assertSucceeds(
      getDocs(query(actors(COORD_A), where(...ofNetwork(NETWORK_B)), where(...publishedOnly))),
    );
  });

  it('a coordinator of network A can use array-contains-any with network A only', async () => {
    await assertSucceeds(getDocs(query(actors(COORD_A), where(...ofNetworks([NETWORK_A])))));
    await assertFails(
      getDocs(query(actors(COORD_A), where(...ofNetworks([NETWORK_A, NETWORK_B])))),
    );
  });

  it('a coordinator of networks A and B can list both with array-contains-any', async () => {
    await assertSucceeds(
      getDocs(query(actors(COORD_AB), where(...ofNetworks([NETWORK_A, NETWORK_B])))),
    );
  });

  it('a coordinator cannot list all contacts, only those of their network', async () => {
    const contacts = collection(t.as(COORD_B), 'contacts');
    await assertFails(getDocs(contacts));
    await assertSucceeds(getDocs(query(contacts, where(...ofNetwork(NETWORK_B)))));
  });

  it('a coordinator of network B cannot list all networks, only the public ones', async () => {
    const networks = collection(t.as(COORD_B), 'networks');
    await assertFails(getDocs(networks));
    await assertSucceeds(getDocs(query(networks, where(...publicOnly))));
  });
});
