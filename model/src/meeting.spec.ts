import { describe, expect, it } from 'vitest';
import { meetingInputSchema } from './meeting.ts';

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
