import { describe, expect, it } from 'vitest';
import {
  duplicateMeeting,
  icalFeedUrl,
  meetingInputSchema,
  meetingPageUrl,
  meetingSchema,
  rsvpDeadline,
  rsvpOpen,
} from './meeting.ts';

const start = new Date('2026-12-03T16:00:00Z');
const end = new Date('2026-12-03T18:00:00Z');
const minimal = { kind: 'Netzwerktreffen', title: 'Netzwerktreffen Dezember', start, end };

describe('meetingInputSchema', () => {
  it('plans an internal meeting with unlimited places by default', () => {
    const meeting = meetingInputSchema.parse(minimal);
    expect(meeting).toMatchObject({ public: false, status: 'planned', capacity: null, agenda: [] });
  });

  it('refuses an end before the start, naming the end', () => {
    const result = meetingInputSchema.safeParse({ ...minimal, end: new Date('2026-12-03T15:00Z') });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['end']);
  });

  it('refuses a registration deadline after the start', () => {
    const result = meetingInputSchema.safeParse({
      ...minimal,
      registrationDeadline: new Date('2026-12-04T00:00Z'),
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['registrationDeadline']);
  });

  it('refuses kinds outside the list and a capacity of zero', () => {
    expect(meetingInputSchema.safeParse({ ...minimal, kind: 'Party' }).success).toBe(false);
    expect(meetingInputSchema.safeParse({ ...minimal, capacity: 0 }).success).toBe(false);
  });
});

describe('meeting helpers', () => {
  const meeting = meetingSchema.parse({
    ...meetingInputSchema.parse({
      ...minimal,
      capacity: 40,
      minutes: 'Protokoll',
      minutesPublished: true,
      decisions: ['Nächstes Treffen im Februar'],
    }),
    createdAt: start,
    updatedAt: start,
    updatedBy: 'u1',
  });

  it('starts new meetings with a reminder two days before and unpublished minutes', () => {
    expect(meetingInputSchema.parse(minimal)).toMatchObject({
      reminderDays: 2,
      remindNoAnswer: false,
      minutesPublished: false,
      decisions: [],
      tasks: [],
      seriesId: null,
    });
  });

  it('duplicates the plan of a meeting without its minutes and decisions', () => {
    const copy = duplicateMeeting(meeting);
    expect(copy).toMatchObject({ title: meeting.title, capacity: 40, status: 'planned' });
    expect(copy.minutes).toBe('');
    expect(copy.decisions).toEqual([]);
    expect(copy.minutesPublished).toBe(false);
  });

  it('takes answers until the registration deadline, else until the start, never when cancelled', () => {
    const before = new Date('2026-12-03T15:59:00Z');
    expect(rsvpOpen(meeting, before)).toBe(true);
    expect(rsvpOpen(meeting, start)).toBe(false);
    const withDeadline = { ...meeting, registrationDeadline: new Date('2026-12-01T12:00:00Z') };
    expect(rsvpDeadline(withDeadline)).toEqual(withDeadline.registrationDeadline);
    expect(rsvpOpen(withDeadline, before)).toBe(false);
    expect(rsvpOpen({ ...meeting, status: 'cancelled' }, new Date('2026-11-01'))).toBe(false);
  });

  it('links the public page and the feed under the app address', () => {
    expect(meetingPageUrl('https://app.example/', 'hemerfeld', 'm1')).toBe(
      'https://app.example/termine/hemerfeld/m1',
    );
    expect(icalFeedUrl('https://app.example', 'hemerfeld')).toBe(
      'https://app.example/api/ical/hemerfeld.ics',
    );
  });
});
