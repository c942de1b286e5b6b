// Invitations and reminders go out through the one bulk-mail pipeline (functions/src/mailing):
// a queued mailing whose recipient source `questionnaire` (source.ts) hands the pipeline the
// invitations carrying the mailing's id, each mail with its personal link made at sending.
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { DEFAULT_MAILING_SETTINGS, initialMailingProgress, paths } from '@knotenpunkt/model';
import type { QuestionnaireMail, StartMailing } from './coordinate.ts';

/** The pipeline's placeholders ({{fragebogenlink}}, {{name}}, …) are its own syntax. */
export function mailingDoc(
  questionnaireId: string,
  mail: QuestionnaireMail,
  uid: string,
  now: Date,
) {
  const stamp = Timestamp.fromDate(now);
  return {
    purpose: 'questionnaire',
    meetingId: null,
    subject: mail.subject,
    bodyText: mail.body,
    bodyHtml: '',
    attachments: [],
    recipients: { source: 'questionnaire', questionnaireId, kind: mail.kind },
    settings: DEFAULT_MAILING_SETTINGS,
    status: 'queued',
    progress: initialMailingProgress(),
    createdAt: stamp,
    updatedAt: stamp,
    updatedBy: uid,
  };
}

/** Queues the mailing; the pipeline's trigger takes it from there. */
export const startMailingThroughPipeline =
  (firestore: Firestore): StartMailing =>
  async (key, mailingId, mail, caller) => {
    await firestore
      .doc(paths.mailing(key.networkId, mailingId))
      .create(mailingDoc(key.questionnaireId, mail, caller.uid, new Date()));
  };
