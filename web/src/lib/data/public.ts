// Reads for public pages, with Firestore Lite only (no Auth, no listeners). Visitors may read
// networks marked public and their published calendar snapshot.
import { collection, doc, getDoc, getDocs, query, where } from 'firebase/firestore/lite';
import {
  networkSchema,
  paths,
  publicCalendarSchema,
  slug as slugSchema,
  type CalendarEntry,
  type NetworkWithId,
} from '@knotenpunkt/model';
import { liteDb } from '$lib/firebase/app';
import { parseDoc, parseDocs } from './parse.ts';

export interface PublicNetworkPage {
  network: NetworkWithId;
  /** Upcoming public meetings, soonest first. */
  meetings: CalendarEntry[];
}

/** The public networks, by name. The `public == true` filter is what the rules allow to list. */
export async function listPublicNetworks(): Promise<NetworkWithId[]> {
  const db = await liteDb();
  const snap = await getDocs(query(collection(db, paths.networks()), where('public', '==', true)));
  const networks = parseDocs(
    networkSchema,
    snap.docs.map((d) => ({ id: d.id, path: d.ref.path, data: d.data() })),
    (id, value): NetworkWithId => ({ ...value, id }),
  );
  return networks.sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

function isPermissionDenied(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'permission-denied';
}

/** A network's public page, or null when there is no public network with this slug. */
export async function getPublicNetworkPage(slug: string): Promise<PublicNetworkPage | null> {
  if (!slugSchema.safeParse(slug).success) return null;
  const db = await liteDb();
  const networkPath = paths.network(slug);
  let networkSnap;
  try {
    networkSnap = await getDoc(doc(db, networkPath));
  } catch (error) {
    // Rules deny reading a network that is not public: for visitors it does not exist.
    if (isPermissionDenied(error)) return null;
    throw error;
  }
  if (!networkSnap.exists()) return null;
  const network: NetworkWithId = {
    ...parseDoc(networkSchema, networkPath, networkSnap.data()),
    id: networkSnap.id,
  };
  if (!network.public) return null;

  const calendarPath = paths.publicCalendar(slug);
  const calendarSnap = await getDoc(doc(db, calendarPath));
  const meetings = calendarSnap.exists()
    ? upcoming(parseDoc(publicCalendarSchema, calendarPath, calendarSnap.data()).meetings)
    : [];
  return { network, meetings };
}

/** The snapshot may be a few hours old: hide what has ended since, soonest first. */
export function upcoming(meetings: CalendarEntry[], now = new Date()): CalendarEntry[] {
  return meetings
    .filter((m) => m.end.getTime() >= now.getTime())
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}
