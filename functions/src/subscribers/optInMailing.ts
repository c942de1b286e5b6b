// Opt-in mails of a coordinator's import (or single entry) are bulk mail: one mailing of the one
// pipeline (functions/src/mailing), purpose optIn, whose recipient source `subscriberImport`
// (sources.ts) hands it the import's still pending addresses with their personal links.
import type { Firestore } from 'firebase-admin/firestore';
import {
  DEFAULT_MAILING_SETTINGS,
  PENDING_RETENTION_DAYS,
  initialMailingProgress,
  paths,
} from '@knotenpunkt/model';

export const OPT_IN_SUBJECT = 'Bitte bestätigen Sie: Einladungsverteiler {{netzwerk}}';

export const OPT_IN_BODY = [
  '{{anrede}}',
  'die Koordinierungsstelle des Netzwerks „{{netzwerk}}“ möchte Sie in seinen Einladungsverteiler aufnehmen, damit Sie Einladungen zu Treffen und Informationen des Netzwerks per E-Mail erhalten. Das geschieht nur, wenn Sie zustimmen.',
  'Bitte bestätigen Sie mit einem Klick:\n{{bestaetigungslink}}',
  `Wenn Sie das nicht möchten, ignorieren Sie diese Nachricht einfach: Ohne Bestätigung erhalten Sie nichts weiter, und Ihre Adresse wird nach ${PENDING_RETENTION_DAYS} Tagen gelöscht.`,
  'Ihre Einstellungen, Ihre gespeicherten Daten und deren Löschung: {{einstellungslink}}',
].join('\n\n');

/** Creates the import's opt-in mailing, queued; the pipeline takes it from there. */
export async function startOptInMailing(
  db: Firestore,
  networkId: string,
  importId: string,
  uid: string,
  now: Date,
): Promise<string> {
  const ref = db.doc(paths.mailing(networkId, importId));
  await ref.create({
    purpose: 'optIn',
    meetingId: null,
    subject: OPT_IN_SUBJECT,
    bodyText: OPT_IN_BODY,
    bodyHtml: '',
    attachments: [],
    recipients: { source: 'subscriberImport', importId },
    settings: DEFAULT_MAILING_SETTINGS,
    status: 'queued',
    progress: initialMailingProgress(),
    createdAt: now,
    updatedAt: now,
    updatedBy: uid,
  });
  return ref.id;
}
