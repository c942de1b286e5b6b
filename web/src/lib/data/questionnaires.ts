// Questionnaires of one network for coordinators (full SDK, live): the questionnaires, their
// invitations, the results summary (one document), the responses for raw exports and pairings,
// and the functions that invite, remind, recount and correct wording.
import {
  collection,
  deleteDoc,
  doc,
  getDocs,
  onSnapshot,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
} from 'firebase/firestore';
import { httpsCallable } from 'firebase/functions';
import {
  invitationSchema,
  paths,
  questionnaireSchema,
  responseSchema,
  resultsSummarySchema,
  type InvitationWithId,
  type InviteInput,
  type QuestionnaireFields,
  type QuestionnaireRef,
  type QuestionnaireStatus,
  type QuestionnaireWithId,
  type RemindInput,
  type ResponseWithId,
  type ResultsSummary,
  type Section,
} from '@knotenpunkt/model';
import { db, functions } from '$lib/firebase/app';
import { requireUid } from './auth.ts';
import { listenLater, type Fail, type Next, type Unsubscribe } from './listen.ts';
import { parseDoc, parseDocs } from './parse.ts';
import { docData, queryDocs } from './snapshot.ts';

export function watchQuestionnaires(
  networkId: string,
  next: Next<QuestionnaireWithId[]>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const q = query(
      collection(await db(), paths.questionnaires(networkId)),
      orderBy('updatedAt', 'desc'),
    );
    return onSnapshot(
      q,
      (snap) =>
        next(parseDocs(questionnaireSchema, queryDocs(snap), (id, value) => ({ ...value, id }))),
      fail,
    );
  }, fail);
}

function watchDoc<T>(
  path: string,
  parse: (data: unknown) => T,
  next: Next<T | null>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    return onSnapshot(
      doc(await db(), path),
      (snap) => {
        try {
          next(snap.exists() ? parse(docData(snap)) : null);
        } catch (error) {
          fail(error);
        }
      },
      fail,
    );
  }, fail);
}

export function watchQuestionnaire(
  networkId: string,
  id: string,
  next: Next<QuestionnaireWithId | null>,
  fail: Fail,
): Unsubscribe {
  const path = paths.questionnaire(networkId, id);
  return watchDoc(
    path,
    (data) => ({ ...parseDoc(questionnaireSchema, path, data), id }),
    next,
    fail,
  );
}

/** Creates a draft; returns its id. `input` has passed questionnaireInputSchema. */
export async function createQuestionnaire(
  networkId: string,
  input: QuestionnaireFields,
): Promise<string> {
  const uid = await requireUid();
  const ref = doc(collection(await db(), paths.questionnaires(networkId)));
  await setDoc(ref, {
    ...input,
    status: 'draft',
    autoReminderAt: null,
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
    updatedBy: uid,
  });
  return ref.id;
}

/** Saves the sections of a draft (after questionnaireInputSchema accepted them). */
export async function saveSections(
  networkId: string,
  id: string,
  sections: Section[],
): Promise<void> {
  const uid = await requireUid();
  await updateDoc(doc(await db(), paths.questionnaire(networkId, id)), {
    sections,
    updatedAt: serverTimestamp(),
    updatedBy: uid,
  });
}

export type SettingsPatch = Partial<
  Pick<
    QuestionnaireFields,
    | 'title'
    | 'intro'
    | 'deadline'
    | 'anonymous'
    | 'resultsVisibility'
    | 'reminderDaysBefore'
    | 'openLink'
  >
> & { status?: QuestionnaireStatus };

/** Settings (and status) of any questionnaire; sections stay as they are. */
export async function updateSettings(
  networkId: string,
  id: string,
  patch: SettingsPatch,
): Promise<void> {
  const uid = await requireUid();
  await updateDoc(doc(await db(), paths.questionnaire(networkId, id)), {
    ...patch,
    updatedAt: serverTimestamp(),
    updatedBy: uid,
  });
}

export async function deleteQuestionnaire(networkId: string, id: string): Promise<void> {
  await deleteDoc(doc(await db(), paths.questionnaire(networkId, id)));
}

export function watchInvitations(
  networkId: string,
  id: string,
  next: Next<InvitationWithId[]>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const q = query(collection(await db(), paths.invitations(networkId, id)), orderBy('name'));
    return onSnapshot(
      q,
      (snap) =>
        next(
          parseDocs(invitationSchema, queryDocs(snap), (docId, value) => ({ ...value, id: docId })),
        ),
      fail,
    );
  }, fail);
}

/** The results view's one document (null before the first answer is aggregated). */
export function watchSummary(
  networkId: string,
  id: string,
  next: Next<ResultsSummary | null>,
  fail: Fail,
): Unsubscribe {
  const path = paths.resultsSummary(networkId, id);
  return watchDoc(path, (data) => parseDoc(resultsSummarySchema, path, data), next, fail);
}

/** Every response (raw export, pairings): one read per response, so only on request. */
export async function loadResponses(networkId: string, id: string): Promise<ResponseWithId[]> {
  const snap = await getDocs(collection(await db(), paths.responses(networkId, id)));
  return parseDocs(responseSchema, queryDocs(snap), (docId, value) => ({ ...value, id: docId }));
}

async function call<I, O>(name: string, input: I): Promise<O> {
  const callable = httpsCallable<I, O>(await functions(), name);
  return (await callable(input)).data;
}

export const invite = (input: InviteInput) =>
  call<InviteInput, { invited: number; mailingId: string }>('inviteToQuestionnaire', input);

export const remind = (input: RemindInput) =>
  call<RemindInput, { reminded: number; mailingId: string | null }>('remindQuestionnaire', input);

export const recount = (ref: QuestionnaireRef) =>
  call<QuestionnaireRef, { respondents: number }>('recountQuestionnaire', ref);

export const correctTexts = (ref: QuestionnaireRef, sections: Section[]) =>
  call<QuestionnaireRef & { sections: Section[] }, { ok: true }>('correctQuestionnaireTexts', {
    ...ref,
    sections,
  });
