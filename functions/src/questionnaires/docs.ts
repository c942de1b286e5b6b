// Reading the questionnaire's documents with firebase-admin: Timestamps become Dates at this edge
// and every document passes its model schema.
import { Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore';
import {
  invitationSchema,
  paths,
  questionnaireSchema,
  responseSchema,
  type Invitation,
  type Questionnaire,
  type QuestionnaireRef,
  type QuestionnaireResponse,
} from '@knotenpunkt/model';

export function toDates(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate();
  if (Array.isArray(value)) return value.map(toDates);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDates(v)]));
  }
  return value;
}

/** Dates become Timestamps for writing (nested too). */
export function toTimestamps<T>(value: T): T {
  if (value instanceof Date) return Timestamp.fromDate(value) as T;
  if (Array.isArray(value)) return value.map(toTimestamps) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toTimestamps(v)])) as T;
  }
  return value;
}

export const questionnaireOf = (snap: DocumentSnapshot): Questionnaire =>
  questionnaireSchema.parse(toDates(snap.data()));
export const invitationOf = (snap: DocumentSnapshot): Invitation =>
  invitationSchema.parse(toDates(snap.data()));
export const responseOf = (snap: DocumentSnapshot): QuestionnaireResponse =>
  responseSchema.parse(toDates(snap.data()));

export const refs = (db: Firestore, key: QuestionnaireRef) => ({
  questionnaire: db.doc(paths.questionnaire(key.networkId, key.questionnaireId)),
  responses: db.collection(paths.responses(key.networkId, key.questionnaireId)),
  response: (id: string) => db.doc(paths.response(key.networkId, key.questionnaireId, id)),
  invitations: db.collection(paths.invitations(key.networkId, key.questionnaireId)),
  invitation: (id: string) => db.doc(paths.invitation(key.networkId, key.questionnaireId, id)),
  draft: (id: string) => db.doc(paths.questionnaireDraft(key.networkId, key.questionnaireId, id)),
  summary: db.doc(paths.resultsSummary(key.networkId, key.questionnaireId)),
  publicResults: db.doc(paths.publicResults(key.networkId, key.questionnaireId)),
});

/** networks/{n}/questionnaires/{q}/invitations/{i} → its parts, or null for another path. */
export function parseInvitationPath(path: string) {
  const m = /^networks\/([^/]+)\/questionnaires\/([^/]+)\/invitations\/([^/]+)$/.exec(path);
  return m ? { networkId: m[1]!, questionnaireId: m[2]!, invitationId: m[3]! } : null;
}
