import { describe, expect, it } from 'vitest';
import { initialMailingProgress, mailingInputSchema, mailingProgressSchema } from './mailing.ts';

const information = {
  purpose: 'information',
  subject: 'Neues aus dem Netzwerk',
  bodyText: 'Liebe Akteurinnen und Akteure, …',
  recipients: { source: 'subscribers' },
};

describe('mailingInputSchema', () => {
  it('sends information to all confirmed subscribers when no interest is chosen', () => {
    const mailing = mailingInputSchema.parse(information);
    expect(mailing.recipients).toEqual({ source: 'subscribers', interests: [] });
    expect(mailing.meetingId).toBeNull();
  });

  it('asks for the meeting of an invitation', () => {
    const result = mailingInputSchema.safeParse({ ...information, purpose: 'invitation' });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['meetingId'],
      message: 'Bitte ein Treffen wählen.',
    });
  });

  it('asks for the meeting when writing to those who answered its RSVP', () => {
    const result = mailingInputSchema.safeParse({
      ...information,
      recipients: { source: 'rsvps', answers: ['yes'] },
    });
    expect(result.error?.issues[0]?.path).toEqual(['meetingId']);
  });

  it('refuses an unknown recipient source', () => {
    const result = mailingInputSchema.safeParse({ ...information, recipients: { source: 'all' } });
    expect(result.success).toBe(false);
  });
});

describe('initialMailingProgress', () => {
  it('is a valid progress with nothing sent', () => {
    expect(mailingProgressSchema.parse(initialMailingProgress())).toMatchObject({
      total: 0,
      sent: 0,
    });
  });
});
