import type { Request } from 'firebase-functions/v2/https';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import type { Mailer } from '../mail/transport.ts';
import { handleProposalRequest } from '../directory/proposals.ts';
import {
  handleUpkeepChanges,
  handleUpkeepConfirm,
  handleUpkeepEntry,
} from '../directory/upkeepApi.ts';
import { questionnaireRoutes } from '../questionnaires/answer.ts';
import { subscriberRoutes } from '../subscribers/routes.ts';
import { handleIcalFeed } from '../meetings/ical.ts';
import { rsvpApiDeps } from '../meetings/deps.ts';
import { handleRsvp, handleRsvpStatus } from '../meetings/rsvpApi.ts';

export interface ApiResponse {
  status: number;
  /** JSON, or a string sent as it is when `contentType` is set (e.g. text/calendar). */
  body: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface ApiDeps {
  db: Firestore;
  mailer: () => Mailer;
  baseUrl: string;
}

type Route = (req: Request, deps: ApiDeps) => Promise<ApiResponse>;

/**
 * POST /api/health: proves the stack end to end (Hosting rewrite → function → Firestore) by
 * recording a heartbeat through firebase-admin and reading it back.
 */
const health: Route = async (_req, { db }) => {
  const ref = db.doc('system/health');
  await ref.set(
    { lastCheckAt: FieldValue.serverTimestamp(), checks: FieldValue.increment(1) },
    { merge: true },
  );
  const snap = await ref.get();
  return { status: 200, body: { ok: true, checks: snap.get('checks') as number } };
};

// The table of HTTP operations under /api; later capabilities add their routes here.
const routes: Record<string, Partial<Record<string, Route>>> = {
  '/api/health': { POST: health },
  '/api/proposals': { POST: handleProposalRequest },
  '/api/upkeep/entry': { POST: handleUpkeepEntry },
  '/api/upkeep/confirm': { POST: handleUpkeepConfirm },
  '/api/upkeep/changes': { POST: handleUpkeepChanges },
  ...questionnaireRoutes,
  ...subscriberRoutes,
  '/api/rsvp': { POST: (req, deps) => handleRsvp(req, rsvpApiDeps(deps)) },
  '/api/rsvp/status': { POST: (req, deps) => handleRsvpStatus(req, rsvpApiDeps(deps)) },
};

/** Routes with a value in the path. */
const patterns: Array<[RegExp, Partial<Record<string, Route>>]> = [
  [/^\/api\/ical\/[^/]+\.ics$/, { GET: handleIcalFeed }],
];

export async function handleApi(req: Request, deps: ApiDeps): Promise<ApiResponse> {
  const path = req.path.replace(/\/+$/, '');
  const route = routes[path] ?? patterns.find(([pattern]) => pattern.test(path))?.[1];
  if (!route) return { status: 404, body: { error: 'NOT_FOUND', message: 'Unbekannte Adresse.' } };
  const handler = route[req.method];
  if (!handler)
    return {
      status: 405,
      body: { error: 'METHOD_NOT_ALLOWED', message: 'Methode nicht erlaubt.' },
    };
  return handler(req, deps);
}
