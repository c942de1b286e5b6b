import { describe, expect, it } from 'vitest';
import {
  MAILING_STATUSES,
  clientMailingActions,
  clientMayChangeMailingStatus,
  isMailingEditable,
  isMailingActive,
  isMailingFinished,
  mailingControls,
  pipelineMayChangeMailingStatus,
} from './mailingStatus.ts';

describe('mailing status', () => {
  it('a coordinator may send a draft, pause and resume, and cancel what has not finished', () => {
    expect(clientMayChangeMailingStatus('draft', 'queued')).toBe(true);
    expect(clientMayChangeMailingStatus('sending', 'paused')).toBe(true);
    expect(clientMayChangeMailingStatus('paused', 'queued')).toBe(true);
    expect(clientMayChangeMailingStatus('queued', 'cancelled')).toBe(true);
    expect(clientMayChangeMailingStatus('paused', 'cancelled')).toBe(true);
  });

  it('a coordinator may not claim progress the pipeline makes', () => {
    expect(clientMayChangeMailingStatus('queued', 'sending')).toBe(false);
    expect(clientMayChangeMailingStatus('sending', 'sent')).toBe(false);
    expect(clientMayChangeMailingStatus('draft', 'sent')).toBe(false);
  });

  it('nothing leaves a finished state', () => {
    for (const from of MAILING_STATUSES.filter(isMailingFinished)) {
      for (const to of MAILING_STATUSES) {
        expect(clientMayChangeMailingStatus(from, to)).toBe(false);
        expect(pipelineMayChangeMailingStatus(from, to)).toBe(false);
      }
    }
  });

  it('the pipeline picks up queued mailings and ends them as sent, paused or failed', () => {
    expect(pipelineMayChangeMailingStatus('queued', 'sending')).toBe(true);
    expect(pipelineMayChangeMailingStatus('sending', 'sent')).toBe(true);
    expect(pipelineMayChangeMailingStatus('sending', 'failed')).toBe(true);
    expect(pipelineMayChangeMailingStatus('paused', 'sending')).toBe(false);
  });

  it('only drafts are editable, and a draft offers sending as its one action', () => {
    expect(MAILING_STATUSES.filter(isMailingEditable)).toEqual(['draft']);
    expect(clientMailingActions('draft')).toEqual(['queued']);
  });

  it('offers pause and cancel while sending, resume and cancel while paused, nothing at the end', () => {
    expect(mailingControls('sending')).toEqual({ pause: true, resume: false, cancel: true });
    expect(mailingControls('queued')).toEqual({ pause: true, resume: false, cancel: true });
    expect(mailingControls('paused')).toEqual({ pause: false, resume: true, cancel: true });
    expect(mailingControls('sent')).toEqual({ pause: false, resume: false, cancel: false });
    expect(mailingControls('draft')).toEqual({ pause: false, resume: false, cancel: false });
  });

  it('counts queued and sending mailings as active', () => {
    expect(MAILING_STATUSES.filter(isMailingActive)).toEqual(['queued', 'sending']);
  });
});
