// The directory entries of one network that mail goes out about: its actors and their contacts
// (read together by the upkeep round and by questionnaire invitations).
import type { Firestore } from 'firebase-admin/firestore';
import { ofNetwork, paths } from '@knotenpunkt/model';

export async function actorsAndContactsOf(db: Firestore, networkId: string) {
  const [actors, contacts] = await Promise.all([
    db
      .collection(paths.actors())
      .where(...ofNetwork(networkId))
      .get(),
    db
      .collection(paths.contacts())
      .where(...ofNetwork(networkId))
      .get(),
  ]);
  return { actors: actors.docs, contacts: contacts.docs };
}
