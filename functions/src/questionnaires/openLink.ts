// The open link of a questionnaire (/fragebogen/offen#<network>/<questionnaire>): anyone may
// answer while the questionnaire is open and its coordinators switched the open link on. Each visit
// asks POST /api/fragebogen/offen for a personal token: a nameless invitation (source 'open', no
// address, never reminded) and a link token of its own, so drafts, resuming and editing work
// exactly as with a personal link. A per-client limit keeps scripts from filling the database.
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import type { Request } from 'firebase-functions/v2/https';
import {
  ERROR_MESSAGES,
  OPEN_LINK_SOURCE_REF,
  acceptsAnswers,
  fieldErrors,
  openLinkRequestSchema,
  type ErrorCode,
  type Invitation,
} from '@knotenpunkt/model';
import type { ApiResponse } from '../http/api.ts';
import { invalid, jsonBody } from '../directory/proposals.ts';
import { allowRequest, type RateLimit } from '../subscribers/rateLimit.ts';
import { questionnaireOf, refs } from './docs.ts';
import { issueLink } from './links.ts';

/** New answers through the open link per client (address) and hour. */
export const OPEN_LINK_LIMIT: RateLimit = {
  scope: 'questionnaire-open',
  max: 20,
  windowMs: 60 * 60_000,
};

export interface OpenLinkDeps {
  db: Firestore;
  now?: () => Date;
  limit?: RateLimit;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  QUESTIONNAIRE_OPEN_LINK_OFF: 404,
  QUESTIONNAIRE_CLOSED: 410,
  RATE_LIMITED: 429,
};

function refuse(code: ErrorCode): ApiResponse {
  return {
    status: STATUS[code] ?? 400,
    body: { error: code, message: ERROR_MESSAGES[code], field: '_' },
  };
}

export async function handleOpenLink(
  req: Request,
  client: string,
  deps: OpenLinkDeps,
): Promise<ApiResponse> {
  const read = jsonBody(req, 2_000);
  if ('answer' in read) return read.answer;
  const parsed = openLinkRequestSchema.safeParse(read.body);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    // Ids that cannot exist lead nowhere, like a questionnaire without an open link.
    return fields.networkId || fields.questionnaireId
      ? refuse('QUESTIONNAIRE_OPEN_LINK_OFF')
      : invalid(fields);
  }
  const key = parsed.data;
  const now = deps.now?.() ?? new Date();
  const r = refs(deps.db, key);
  const snap = await r.questionnaire.get();
  if (!snap.exists) return refuse('QUESTIONNAIRE_OPEN_LINK_OFF');
  const q = questionnaireOf(snap);
  if (!q.openLink || q.status === 'draft') return refuse('QUESTIONNAIRE_OPEN_LINK_OFF');
  if (!acceptsAnswers(q, now)) return refuse('QUESTIONNAIRE_CLOSED');
  if (!(await allowRequest(deps.db, deps.limit ?? OPEN_LINK_LIMIT, client, now))) {
    return refuse('RATE_LIMITED');
  }

  // Random id: nothing about the visitor. Anonymous questionnaires keep no times here either.
  const invitation = r.invitations.doc();
  const stamp = Timestamp.fromDate(now);
  const doc: Omit<Invitation, 'invitedAt' | 'openedAt'> & {
    invitedAt: Timestamp;
    openedAt: Timestamp | null;
  } = {
    name: '',
    email: '',
    source: 'open',
    sourceRef: OPEN_LINK_SOURCE_REF,
    actorId: null,
    actorName: '',
    actorKinds: [],
    actorFields: [],
    status: 'opened',
    invitedAt: stamp,
    mailingIds: [],
    reminders: 0,
    lastRemindedAt: null,
    openedAt: q.anonymous ? null : stamp,
    submittedAt: null,
  };
  await invitation.create(doc);
  const token = await issueLink(
    deps.db,
    { ...key, invitationId: invitation.id },
    q.deadline,
    now,
  ).catch(async (error: unknown) => {
    await invitation.delete().catch(() => undefined); // no token, no invitation
    throw error;
  });
  return { status: 200, body: { token } };
}
