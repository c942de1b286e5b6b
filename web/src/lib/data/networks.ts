// The coordinators' view of networks: which networks I coordinate, whether I am an admin, one
// network's profile (live), and saving the profile.
import { doc, onSnapshot, serverTimestamp, updateDoc } from 'firebase/firestore';
import {
  membershipPath,
  networkSchema,
  paths,
  type NetworkProfile,
  type NetworkWithId,
} from '@knotenpunkt/model';
import { db } from '$lib/firebase/app';
import { listenLater, type Fail, type Next, type Unsubscribe } from './listen.ts';
import { parseDoc } from './parse.ts';
import { docData } from './snapshot.ts';

/** The ids of the networks the user coordinates (memberships/{uid}, kept by the functions). */
export function watchMyNetworkIds(uid: string, next: Next<string[]>, fail: Fail): Unsubscribe {
  return listenLater(async () => {
    const ref = doc(await db(), membershipPath(uid));
    return onSnapshot(
      ref,
      (snap) => {
        const ids = (snap.data() as { networkIds?: unknown } | undefined)?.networkIds;
        next(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);
      },
      fail,
    );
  }, fail);
}

/** Whether admins/{uid} exists; users may read only their own admin document. */
export function watchIsAdmin(uid: string, next: Next<boolean>, fail: Fail): Unsubscribe {
  return listenLater(async () => {
    const ref = doc(await db(), paths.admin(uid));
    return onSnapshot(ref, (snap) => next(snap.exists()), fail);
  }, fail);
}

/** One network's profile; null when it was deleted. */
export function watchNetwork(
  networkId: string,
  next: Next<NetworkWithId | null>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const path = paths.network(networkId);
    return onSnapshot(
      doc(await db(), path),
      (snap) => {
        try {
          next(
            snap.exists() ? { ...parseDoc(networkSchema, path, docData(snap)), id: snap.id } : null,
          );
        } catch (error) {
          fail(error);
        }
      },
      fail,
    );
  }, fail);
}

/** Saves the editable profile; `profile` has passed networkProfileSchema in the form. */
export async function updateNetworkProfile(
  networkId: string,
  profile: NetworkProfile,
): Promise<void> {
  await updateDoc(doc(await db(), paths.network(networkId)), {
    ...profile,
    updatedAt: serverTimestamp(),
  });
}
