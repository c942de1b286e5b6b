// What coordinators do through functions: invite, remind, recount ("Neu berechnen") and correct
// the wording of an open questionnaire. Input is parsed before the caller is checked; the caller
// must coordinate the questionnaire's network.
import type { Firestore } from 'firebase-admin/firestore';
import { FieldValue } from 'firebase-admin/firestore';
import {
  fieldErrors,
  inviteInputSchema,
  mailingInputSchema,
  paths,
  questionnaireRefSchema,
  remindInputSchema,
  sectionsSchema,
  structureChange,
  type Questionnaire,
  type QuestionnaireRef,
} from '@knotenpunkt/model';
import { z } from 'zod';
import type { Caller } from '../platform/access.ts';
import { assert, fail, parseOrFail } from '../platform/errors.ts';
import { recount, type DrainOptions } from './aggregate.ts';
import { questionnaireOf, refs } from './docs.ts';
import { recordInvitations, recordReminders, resolveAudience } from './invitees.ts';

export interface QuestionnaireMail {
  kind: 'invitation' | 'reminder';
  subject: string;
  body: string;
}

/** Starts a bulk mailing to the invitations that list `mailingId` (the mail pipeline). */
export type StartMailing = (
  key: QuestionnaireRef,
  mailingId: string,
  mail: QuestionnaireMail,
  caller: Caller,
) => Promise<void>;

export interface CoordinateDeps {
  db: Firestore;
  now?: () => Date;
  startMailing: StartMailing;
  /** A new mailing id (the pipeline's collection). */
  newMailingId?: (networkId: string) => string;
  drain?: DrainOptions;
}

export async function assertCoordinator(
  db: Firestore,
  caller: Caller | undefined,
  networkId: string,
): Promise<Caller> {
  assert(caller, 'UNAUTHENTICATED');
  const member = await db.doc(paths.member(networkId, caller.uid)).get();
  assert(member.exists, 'NOT_COORDINATOR');
  return caller;
}

async function loadQuestionnaire(db: Firestore, key: QuestionnaireRef): Promise<Questionnaire> {
  const snap = await refs(db, key).questionnaire.get();
  assert(snap.exists, 'QUESTIONNAIRE_NOT_FOUND');
  return questionnaireOf(snap);
}

function mailingIdOf(deps: CoordinateDeps, networkId: string) {
  return deps.newMailingId?.(networkId) ?? deps.db.collection(paths.mailings(networkId)).doc().id;
}

/** The mail as the pipeline will check it (placeholders of the questionnaire source). */
function assertMail(questionnaireId: string, mail: QuestionnaireMail) {
  const result = mailingInputSchema.safeParse({
    purpose: 'questionnaire',
    subject: mail.subject,
    bodyText: mail.body,
    recipients: { source: 'questionnaire', questionnaireId, kind: mail.kind },
  });
  if (result.success) return;
  const fields = Object.fromEntries(
    Object.entries(fieldErrors(result.error)).map(([k, v]) => [k === 'bodyText' ? 'body' : k, v]),
  );
  fail('INVALID_ARGUMENT', { field: Object.keys(fields)[0] ?? '_', fields });
}

export async function handleInvite(
  data: unknown,
  caller: Caller | undefined,
  deps: CoordinateDeps,
) {
  const input = parseOrFail(inviteInputSchema, data);
  assertMail(input.questionnaireId, {
    kind: 'invitation',
    subject: input.subject,
    body: input.body,
  });
  const who = await assertCoordinator(deps.db, caller, input.networkId);
  const q = await loadQuestionnaire(deps.db, input);
  assert(q.status === 'open', 'QUESTIONNAIRE_NOT_OPEN');
  const invitees = await resolveAudience(deps.db, input.networkId, input.audience);
  if (invitees.length === 0) {
    fail('INVALID_ARGUMENT', {
      field: 'audience',
      fields: {
        audience:
          'Niemand passt zu dieser Auswahl (Kontakte brauchen Einwilligung und E-Mail-Adresse).',
      },
    });
  }
  const now = deps.now?.() ?? new Date();
  const mailingId = mailingIdOf(deps, input.networkId);
  const ids = await recordInvitations(deps.db, input, invitees, mailingId, now);
  await deps.startMailing(
    input,
    mailingId,
    { kind: 'invitation', subject: input.subject, body: input.body },
    who,
  );
  return { invited: ids.length, mailingId };
}

export async function handleRemind(
  data: unknown,
  caller: Caller | undefined,
  deps: CoordinateDeps,
) {
  const input = parseOrFail(remindInputSchema, data);
  assertMail(input.questionnaireId, { kind: 'reminder', subject: input.subject, body: input.body });
  const who = await assertCoordinator(deps.db, caller, input.networkId);
  const q = await loadQuestionnaire(deps.db, input);
  assert(q.status === 'open', 'QUESTIONNAIRE_NOT_OPEN');
  const now = deps.now?.() ?? new Date();
  const mailingId = mailingIdOf(deps, input.networkId);
  const reminded = await recordReminders(deps.db, input, mailingId, now);
  if (reminded > 0) {
    await deps.startMailing(
      input,
      mailingId,
      { kind: 'reminder', subject: input.subject, body: input.body },
      who,
    );
  }
  return { reminded, mailingId: reminded > 0 ? mailingId : null };
}

export async function handleRecount(
  data: unknown,
  caller: Caller | undefined,
  deps: CoordinateDeps,
) {
  const key = parseOrFail(questionnaireRefSchema, data);
  await assertCoordinator(deps.db, caller, key.networkId);
  await loadQuestionnaire(deps.db, key);
  return recount(deps.db, key, deps.now?.() ?? new Date(), deps.drain);
}

export const correctTextsInputSchema = z.strictObject({
  ...questionnaireRefSchema.shape,
  sections: sectionsSchema,
});

/** Corrected wording of an open questionnaire: allowed only when the structure stays the same. */
export async function handleCorrectTexts(
  data: unknown,
  caller: Caller | undefined,
  deps: CoordinateDeps,
) {
  const input = parseOrFail(correctTextsInputSchema, data);
  const who = await assertCoordinator(deps.db, caller, input.networkId);
  const ref = refs(deps.db, input).questionnaire;
  await deps.db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    assert(snap.exists, 'QUESTIONNAIRE_NOT_FOUND');
    const q = questionnaireOf(snap);
    assert(structureChange(q.sections, input.sections) === null, 'QUESTIONNAIRE_FROZEN');
    tx.update(ref, {
      sections: input.sections,
      updatedAt: FieldValue.serverTimestamp(),
      updatedBy: who.uid,
    });
  });
  return { ok: true };
}
