// What the distribution list needs to know about a network: its name, whether visitors may sign
// up (public networks only), and the interests its form offers.
import type { Firestore } from 'firebase-admin/firestore';
import { paths } from '@knotenpunkt/model';
import { fail } from '../platform/errors.ts';

export interface NetworkFacts {
  id: string;
  name: string;
  region: string;
  public: boolean;
  fieldsOfAction: string[];
}

export async function loadNetwork(db: Firestore, networkId: string): Promise<NetworkFacts> {
  const snap = await db.doc(paths.network(networkId)).get();
  if (!snap.exists) fail('NETWORK_NOT_FOUND', { field: 'networkId' });
  const fields = snap.get('fieldsOfAction') as unknown;
  return {
    id: snap.id,
    name: String(snap.get('name') ?? snap.id),
    region: String(snap.get('region') ?? ''),
    public: snap.get('public') === true,
    fieldsOfAction: Array.isArray(fields) ? fields.map(String) : [],
  };
}

/** Signups go only to public networks; for visitors the others do not exist. */
export async function loadPublicNetwork(db: Firestore, networkId: string): Promise<NetworkFacts> {
  const network = await loadNetwork(db, networkId);
  if (!network.public) fail('NETWORK_NOT_FOUND', { field: 'networkId' });
  return network;
}

/** The interests a visitor may choose: the network's fields of action and working groups. */
export async function interestOptions(db: Firestore, network: NetworkFacts) {
  const groups = await db.collection(paths.workingGroups(network.id)).select('name').get();
  const workingGroups = groups.docs
    .map((d) => String(d.get('name') ?? ''))
    .filter(Boolean)
    .sort((a, b) => a.localeCompare(b, 'de'));
  return { fieldsOfAction: network.fieldsOfAction, workingGroups };
}

/** Fails naming the field when a value is not among the offered ones. */
export function assertChosenFrom(
  field: string,
  chosen: readonly string[],
  offered: readonly string[],
) {
  const unknown = chosen.find((c) => !offered.includes(c));
  if (unknown !== undefined) {
    const message = `„${unknown}“ steht nicht zur Auswahl. Bitte laden Sie die Seite neu.`;
    fail('INVALID_ARGUMENT', { field, fields: { [field]: message } });
  }
}
