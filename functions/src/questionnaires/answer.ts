// Answering without an account: POST /api/fragebogen/{laden,entwurf,absenden} with the personal
// link's token in the JSON body (the page keeps it in the URL fragment, so it reaches no server
// log). Everything is parsed before anything is stored; bad answers get a 400 naming the question.
import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import type { Request } from 'firebase-functions/v2/https';
import type { z } from 'zod';
import {
  ANSWER_BODY_MAX_BYTES,
  ERROR_MESSAGES,
  acceptsAnswers,
  answerLoadRequestSchema,
  answerSaveRequestSchema,
  checkAnswers,
  contributionOf,
  fieldErrors,
  isOpenLinkInvitation,
  laterStatus,
  paths,
  publicResultsSchema,
  questionLabel,
  type AnswerSession,
  type Answers,
  type ErrorCode,
  type Invitation,
  type Questionnaire,
  type QuestionnaireRef,
  type Respondent,
} from '@knotenpunkt/model';
import type { ApiDeps, ApiResponse } from '../http/api.ts';
import { invalid, jsonBody } from '../directory/proposals.ts';
import {
  invitationOf,
  parseInvitationPath,
  questionnaireOf,
  refs,
  responseOf,
  toDates,
} from './docs.ts';
import { respondentKeys, seal, tokenHashOf, unseal, type RespondentKeys } from './links.ts';
import { submittedMarkDelaySeconds, taskQueueEnqueue, type Enqueue } from './tasks.ts';
import { handleOpenLink } from './openLink.ts';
import { clientAddress } from '../directory/rateLimit.ts';

export interface AnswerDeps {
  db: Firestore;
  now?: () => Date;
  /** Enqueues the delayed "submitted" mark of anonymous invitations. */
  enqueue?: Enqueue;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  QUESTIONNAIRE_LINK_INVALID: 404,
  QUESTIONNAIRE_CLOSED: 410,
  QUESTIONNAIRE_ANSWERED: 409,
};

function refuse(code: ErrorCode): ApiResponse {
  return {
    status: STATUS[code] ?? 400,
    body: { error: code, message: ERROR_MESSAGES[code], field: '_' },
  };
}

interface Link {
  token: string;
  key: QuestionnaireRef;
  invitationId: string;
}

/** The token's document says which invitation the link belongs to, unless unknown or expired. */
async function openLink(db: Firestore, token: string, now: Date): Promise<Link | null> {
  const snap = await db.doc(paths.token(await tokenHashOf(token))).get();
  if (!snap.exists || snap.get('purpose') !== 'questionnaire') return null;
  const expiresAt = snap.get('expiresAt') as Timestamp | null;
  if (expiresAt && expiresAt.toMillis() <= now.getTime()) return null;
  const target = parseInvitationPath(String(snap.get('targetPath') ?? ''));
  if (!target) return null;
  return {
    token,
    key: { networkId: target.networkId, questionnaireId: target.questionnaireId },
    invitationId: target.invitationId,
  };
}

function respondentOf(invitationId: string, invitation: Invitation): Respondent {
  return {
    invitationId,
    name: invitation.name,
    actorId: invitation.actorId,
    actorName: invitation.actorName,
    kinds: invitation.actorKinds,
    fields: invitation.actorFields,
  };
}

/** Answers in a draft: sealed for anonymous questionnaires, as they are otherwise. */
function draftAnswers(data: FirebaseFirestore.DocumentData | undefined, keys: RespondentKeys) {
  if (!data) return null;
  try {
    const raw = keys.sealKey ? unseal(keys.sealKey, String(data.sealed)) : data.answers;
    return raw && typeof raw === 'object' ? (raw as Answers) : null;
  } catch {
    return null; // a draft that cannot be opened is as good as none
  }
}

function invalidAnswers(q: Questionnaire, fields: Record<string, string>): ApiResponse {
  const answer = invalid(fields);
  const [field, message] = Object.entries(fields)[0] ?? ['_', ''];
  const label = field === '_' ? '' : questionLabel(q.sections, field);
  return {
    ...answer,
    body: {
      ...(answer.body as object),
      message: label
        ? `Bitte prüfen Sie Ihre Antworten. Frage „${label}“: ${message}`
        : `Bitte prüfen Sie Ihre Antworten. ${message}`,
    },
  };
}

type Parsed<T> = { value: T } | { answer: ApiResponse };

function parseRequest<S extends z.ZodType>(req: Request, schema: S): Parsed<z.output<S>> {
  const read = jsonBody(req, ANSWER_BODY_MAX_BYTES);
  if ('answer' in read) return read;
  const parsed = schema.safeParse(read.body);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    return fields.token
      ? { answer: refuse('QUESTIONNAIRE_LINK_INVALID') }
      : { answer: invalid(fields) };
  }
  return { value: parsed.data };
}

// ---------------------------------------------------------------- load

export async function handleAnswerLoad(req: Request, deps: AnswerDeps): Promise<ApiResponse> {
  const parsed = parseRequest(req, answerLoadRequestSchema);
  if ('answer' in parsed) return parsed.answer;
  const now = deps.now?.() ?? new Date();
  const link = await openLink(deps.db, parsed.value.token, now);
  if (!link) return refuse('QUESTIONNAIRE_LINK_INVALID');
  const r = refs(deps.db, link.key);
  const [qSnap, iSnap, nSnap] = await deps.db.getAll(
    r.questionnaire,
    r.invitation(link.invitationId),
    deps.db.doc(paths.network(link.key.networkId)),
  );
  if (!qSnap!.exists || !iSnap!.exists) return refuse('QUESTIONNAIRE_LINK_INVALID');
  const q = questionnaireOf(qSnap!);
  const invitation = invitationOf(iSnap!);
  const keys = respondentKeys(link.token, link.invitationId, q.anonymous);
  const [responseSnap, draftSnap] = await deps.db.getAll(
    r.response(keys.responseId),
    r.draft(keys.draftId),
  );
  const response = responseSnap!.exists ? responseOf(responseSnap!) : null;
  const draft = draftAnswers(draftSnap!.data(), keys);
  const open = acceptsAnswers(q, now);

  if (open && invitation.status === 'invited') {
    await deps.db.runTransaction(async (tx) => {
      const fresh = invitationOf(await tx.get(r.invitation(link.invitationId)));
      if (fresh.status !== 'invited') return;
      tx.update(r.invitation(link.invitationId), {
        status: 'opened',
        ...(q.anonymous ? {} : { openedAt: FieldValue.serverTimestamp() }),
      });
    });
  }

  let results: AnswerSession['results'] = null;
  if (q.status === 'closed' && q.resultsVisibility !== 'coordinators') {
    const snap = await r.publicResults.get();
    if (snap.exists) results = publicResultsSchema.parse(toDates(snap.data())).segments;
  }
  const session: AnswerSession = {
    state: !open ? 'closed' : response ? 'submitted' : 'open',
    networkName: String(nSnap!.get('name') ?? link.key.networkId),
    title: q.title,
    intro: q.intro,
    sections: q.sections,
    deadline: q.deadline?.toISOString() ?? null,
    anonymous: q.anonymous,
    viaOpenLink: isOpenLinkInvitation(invitation),
    respondent:
      q.anonymous || isOpenLinkInvitation(invitation)
        ? null
        : { name: invitation.name, actorName: invitation.actorName },
    answers: draft ?? response?.answers ?? {},
    draftSaved: draft !== null,
    submittedAt: response?.submittedAt?.toISOString() ?? null,
    submitted: response !== null,
    results,
  };
  return { status: 200, body: session };
}

// ---------------------------------------------------------------- draft

export async function handleAnswerDraft(req: Request, deps: AnswerDeps): Promise<ApiResponse> {
  const parsed = parseRequest(req, answerSaveRequestSchema);
  if ('answer' in parsed) return parsed.answer;
  const now = deps.now?.() ?? new Date();
  const link = await openLink(deps.db, parsed.value.token, now);
  if (!link) return refuse('QUESTIONNAIRE_LINK_INVALID');
  const r = refs(deps.db, link.key);
  return deps.db.runTransaction(async (tx): Promise<ApiResponse> => {
    const [qSnap, iSnap] = await tx.getAll(r.questionnaire, r.invitation(link.invitationId));
    if (!qSnap!.exists || !iSnap!.exists) return refuse('QUESTIONNAIRE_LINK_INVALID');
    const q = questionnaireOf(qSnap!);
    if (!acceptsAnswers(q, now)) return refuse('QUESTIONNAIRE_CLOSED');
    const check = checkAnswers(q.sections, parsed.value.answers, 'draft');
    if (!check.ok) return invalidAnswers(q, check.fields);
    const keys = respondentKeys(link.token, link.invitationId, q.anonymous);
    tx.set(
      r.draft(keys.draftId),
      keys.sealKey
        ? { sealed: seal(keys.sealKey, check.answers) }
        : { answers: check.answers, savedAt: Timestamp.fromDate(now) },
    );
    const invitation = invitationOf(iSnap!);
    const status = laterStatus(invitation.status, 'draft');
    if (status !== invitation.status) tx.update(r.invitation(link.invitationId), { status });
    return { status: 200, body: { saved: true, savedAt: now.toISOString() } };
  });
}

// ---------------------------------------------------------------- submit

export async function handleAnswerSubmit(req: Request, deps: AnswerDeps): Promise<ApiResponse> {
  const parsed = parseRequest(req, answerSaveRequestSchema);
  if ('answer' in parsed) return parsed.answer;
  const now = deps.now?.() ?? new Date();
  const link = await openLink(deps.db, parsed.value.token, now);
  if (!link) return refuse('QUESTIONNAIRE_LINK_INVALID');
  const r = refs(deps.db, link.key);
  let markLater: string | null = null;
  const answer = await deps.db.runTransaction(async (tx): Promise<ApiResponse> => {
    markLater = null;
    const [qSnap, iSnap] = await tx.getAll(r.questionnaire, r.invitation(link.invitationId));
    if (!qSnap!.exists || !iSnap!.exists) return refuse('QUESTIONNAIRE_LINK_INVALID');
    const q = questionnaireOf(qSnap!);
    if (!acceptsAnswers(q, now)) return refuse('QUESTIONNAIRE_CLOSED');
    const check = checkAnswers(q.sections, parsed.value.answers, 'submit');
    if (!check.ok) return invalidAnswers(q, check.fields);
    const keys = respondentKeys(link.token, link.invitationId, q.anonymous);
    const responseRef = r.response(keys.responseId);
    const before = await tx.get(responseRef);
    const previous = before.exists ? responseOf(before) : null;
    const invitation = invitationOf(iSnap!);
    // Anonymous answers belong to the link: a second link of the same invitation (a reminder)
    // cannot add a second answer once the first is recorded.
    if (q.anonymous && !previous && invitation.status === 'submitted') {
      return refuse('QUESTIONNAIRE_ANSWERED');
    }
    const respondent = q.anonymous ? null : respondentOf(link.invitationId, invitation);
    const stamp = Timestamp.fromDate(now);
    // Anonymous responses carry no respondent and no times; the id comes from the link only.
    tx.set(responseRef, {
      answers: check.answers,
      respondent,
      contribution: contributionOf(q.sections, check.answers, respondent),
      version: (previous?.version ?? 0) + 1,
      pending: true,
      applied: previous?.applied ?? null,
      appliedVersion: previous?.appliedVersion ?? 0,
      submittedAt: q.anonymous
        ? null
        : previous?.submittedAt
          ? Timestamp.fromDate(previous.submittedAt)
          : stamp,
      updatedAt: q.anonymous ? null : stamp,
    });
    tx.delete(r.draft(keys.draftId));
    if (invitation.status !== 'submitted') {
      if (q.anonymous) markLater = r.invitation(link.invitationId).path;
      else tx.update(r.invitation(link.invitationId), { status: 'submitted', submittedAt: stamp });
    }
    return {
      status: 200,
      body: {
        submitted: true,
        submittedAt: q.anonymous ? null : now.toISOString(),
        editableUntil: q.deadline?.toISOString() ?? null,
      },
    };
  });
  if (markLater) {
    // The answer is stored; a lost mark only means this person may still get a reminder.
    try {
      const enqueue = deps.enqueue ?? taskQueueEnqueue();
      await enqueue(
        { type: 'markSubmitted', invitationPath: markLater },
        { delaySeconds: submittedMarkDelaySeconds() },
      );
    } catch (error) {
      logger.warn('questionnaire: submitted mark not queued', String(error));
    }
  }
  return answer;
}

/** The delayed task: marks an anonymous invitation submitted (never moving it backwards). */
export async function markInvitationSubmitted(db: Firestore, invitationPath: string) {
  if (!parseInvitationPath(invitationPath)) return;
  const ref = db.doc(invitationPath);
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) return;
    const status = laterStatus(invitationOf(snap).status, 'submitted');
    if (status !== snap.get('status')) tx.update(ref, { status });
  });
}

/** The answering routes for the table in http/api.ts (and the open link's start). */
export const questionnaireRoutes = {
  '/api/fragebogen/offen': {
    POST: (req: Request, api: ApiDeps) => handleOpenLink(req, clientAddress(req), { db: api.db }),
  },
  '/api/fragebogen/laden': {
    POST: (req: Request, api: ApiDeps) => handleAnswerLoad(req, { db: api.db }),
  },
  '/api/fragebogen/entwurf': {
    POST: (req: Request, api: ApiDeps) => handleAnswerDraft(req, { db: api.db }),
  },
  '/api/fragebogen/absenden': {
    POST: (req: Request, api: ApiDeps) => handleAnswerSubmit(req, { db: api.db }),
  },
};
