// GET /api/ical/{networkId}.ics: the network's public meetings as an iCalendar feed that calendar
// apps subscribe to. Only meetings marked public of a public network; cancelled ones stay in the
// feed as STATUS:CANCELLED for a while, so subscribed calendars strike them out.
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import type { Request } from 'firebase-functions/v2/https';
import {
  ICS_CONTENT_TYPE,
  docId,
  icsCalendar,
  meetingIcsEvent,
  meetingPageUrl,
  paths,
  type IcsEvent,
} from '@knotenpunkt/model';
import type { ApiResponse } from '../http/api.ts';
import { readMeeting } from '../calendar/publicCalendar.ts';

/** Past meetings stay in the feed this long. */
export const FEED_PAST_DAYS = 180;
export const FEED_MAX_EVENTS = 300;

const FEED_PATH = /^\/api\/ical\/([^/]+)\.ics$/;

export function feedNetworkId(path: string): string | null {
  const match = FEED_PATH.exec(path);
  if (!match) return null;
  const id = decodeURIComponent(match[1] ?? '');
  return docId.safeParse(id).success ? id : null;
}

const notFound = (message: string): ApiResponse => ({
  status: 404,
  body: `${message}\n`,
  contentType: 'text/plain; charset=utf-8',
});

export async function buildFeed(
  db: Firestore,
  networkId: string,
  baseUrl: string,
  now: Date,
): Promise<string | null> {
  const network = await db.doc(paths.network(networkId)).get();
  if (!network.exists || network.get('public') !== true) return null;
  const snap = await db
    .collection(paths.meetings(networkId))
    .where('public', '==', true)
    .where('end', '>=', Timestamp.fromMillis(now.getTime() - FEED_PAST_DAYS * 86_400_000))
    .orderBy('end')
    .limit(FEED_MAX_EVENTS)
    .get();
  const networkName = String(network.get('name') ?? networkId);
  const events: IcsEvent[] = [];
  for (const doc of snap.docs) {
    const meeting = readMeeting(doc.data());
    if (!meeting || !meeting.public) continue;
    const ref = {
      networkId,
      meetingId: doc.id,
      networkName,
      pageUrl: meetingPageUrl(baseUrl, networkId, doc.id),
    };
    events.push(meetingIcsEvent({ ...meeting, updatedAt: meeting.updatedAt ?? undefined }, ref));
  }
  return icsCalendar({ name: networkName, refreshHours: 6, events, now });
}

export async function handleIcalFeed(
  req: Request,
  deps: { db: Firestore; baseUrl: string; now?: () => Date },
): Promise<ApiResponse> {
  const networkId = feedNetworkId(req.path.replace(/\/+$/, ''));
  if (!networkId) return notFound('Unbekannter Kalender.');
  const now = (deps.now ?? (() => new Date()))();
  const text = await buildFeed(deps.db, networkId, deps.baseUrl, now);
  if (text === null) return notFound('Dieses Netzwerk gibt es nicht oder es ist nicht öffentlich.');
  return {
    status: 200,
    body: text,
    contentType: ICS_CONTENT_TYPE,
    headers: {
      'Cache-Control': 'public, max-age=900',
      'Content-Disposition': `inline; filename="${networkId}.ics"`,
    },
  };
}
