// Admin work: every network, the coordinators of a network, and the callable functions that
// create networks and grant or revoke coordinator membership (members are written only there).
import { collection, onSnapshot, orderBy, query } from 'firebase/firestore';
import { httpsCallable } from 'firebase/functions';
import {
  memberSchema,
  networkSchema,
  paths,
  type CreateNetworkInput,
  type GrantCoordinatorInput,
  type Member,
  type NetworkWithId,
  type RevokeCoordinatorInput,
} from '@knotenpunkt/model';
import { db, functions } from '$lib/firebase/app';
import { listenLater, type Fail, type Next, type Unsubscribe } from './listen.ts';
import { parseDocs } from './parse.ts';
import { queryDocs } from './snapshot.ts';

export type MemberWithUid = Member & { uid: string };

export interface GrantResult {
  uid: string;
  /** A new account was created (and a link to set the password mailed). */
  created: boolean;
  /** The person already coordinated this network; nothing changed. */
  alreadyMember: boolean;
  mailed: boolean;
}

/** All networks, public or not, by name (admins may list them all). */
export function watchAllNetworks(next: Next<NetworkWithId[]>, fail: Fail): Unsubscribe {
  return listenLater(async () => {
    const q = query(collection(await db(), paths.networks()), orderBy('name'));
    return onSnapshot(
      q,
      (snap) => next(parseDocs(networkSchema, queryDocs(snap), (id, value) => ({ ...value, id }))),
      fail,
    );
  }, fail);
}

export function watchMembers(
  networkId: string,
  next: Next<MemberWithUid[]>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const q = query(collection(await db(), paths.members(networkId)), orderBy('name'));
    return onSnapshot(
      q,
      (snap) => next(parseDocs(memberSchema, queryDocs(snap), (uid, value) => ({ ...value, uid }))),
      fail,
    );
  }, fail);
}

async function call<I, O>(name: string, input: I): Promise<O> {
  const callable = httpsCallable<I, O>(await functions(), name);
  return (await callable(input)).data;
}

export async function createNetwork(input: CreateNetworkInput): Promise<{ networkId: string }> {
  return call('createNetwork', input);
}

export async function grantCoordinator(input: GrantCoordinatorInput): Promise<GrantResult> {
  const result = await call<GrantCoordinatorInput, Partial<GrantResult> & { uid: string }>(
    'grantCoordinator',
    input,
  );
  return {
    uid: result.uid,
    created: result.created === true,
    alreadyMember: result.alreadyMember === true,
    mailed: result.mailed ?? result.created === true,
  };
}

export async function revokeCoordinator(input: RevokeCoordinatorInput): Promise<void> {
  await call('revokeCoordinator', input);
}
