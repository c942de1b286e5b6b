// The life of a mailing. Clients edit drafts and steer the pipeline; the pipeline (functions)
// moves it through sending to sent or failed. firestore.rules allows exactly CLIENT_TRANSITIONS.

export const MAILING_STATUSES = [
  'draft',
  'queued',
  'sending',
  'paused',
  'sent',
  'cancelled',
  'failed',
] as const;
export type MailingStatus = (typeof MAILING_STATUSES)[number];

export const MAILING_STATUS_LABELS: Record<MailingStatus, string> = {
  draft: 'Entwurf',
  queued: 'In Warteschlange',
  sending: 'Wird versendet',
  paused: 'Angehalten',
  sent: 'Versendet',
  cancelled: 'Abgebrochen',
  failed: 'Fehlgeschlagen',
};

/** What a coordinator may do: send a draft, pause, resume, cancel. Drafts are deleted, not cancelled. */
const CLIENT_TRANSITIONS: Record<MailingStatus, readonly MailingStatus[]> = {
  draft: ['queued'],
  queued: ['paused', 'cancelled'],
  sending: ['paused', 'cancelled'],
  paused: ['queued', 'cancelled'],
  sent: [],
  cancelled: [],
  failed: [],
};

/** What the pipeline does: pick up, finish, auto-pause after too many errors, give up. */
const PIPELINE_TRANSITIONS: Record<MailingStatus, readonly MailingStatus[]> = {
  draft: [],
  queued: ['sending', 'cancelled'],
  sending: ['sent', 'paused', 'failed'],
  paused: [],
  sent: [],
  cancelled: [],
  failed: [],
};

export function clientMayChangeMailingStatus(from: MailingStatus, to: MailingStatus): boolean {
  return CLIENT_TRANSITIONS[from].includes(to);
}

export function pipelineMayChangeMailingStatus(from: MailingStatus, to: MailingStatus): boolean {
  return PIPELINE_TRANSITIONS[from].includes(to);
}

/** Status changes a coordinator can make from here (for buttons). */
export function clientMailingActions(from: MailingStatus): readonly MailingStatus[] {
  return CLIENT_TRANSITIONS[from];
}

/** Subject, body and recipients can be edited only before sending. */
export function isMailingEditable(status: MailingStatus): boolean {
  return status === 'draft';
}

export function isMailingFinished(status: MailingStatus): boolean {
  return status === 'sent' || status === 'cancelled' || status === 'failed';
}

/** Waiting for or in the hands of the pipeline. */
export function isMailingActive(status: MailingStatus): boolean {
  return status === 'queued' || status === 'sending';
}

/** The buttons a coordinator sees for a mailing that left the draft stage. */
export interface MailingControls {
  pause: boolean;
  resume: boolean;
  cancel: boolean;
}

export function mailingControls(status: MailingStatus): MailingControls {
  const actions = status === 'draft' ? [] : CLIENT_TRANSITIONS[status];
  return {
    pause: actions.includes('paused'),
    resume: status === 'paused' && actions.includes('queued'),
    cancel: actions.includes('cancelled'),
  };
}
