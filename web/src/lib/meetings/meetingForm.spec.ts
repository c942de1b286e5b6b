import { describe, expect, it } from 'vitest';
import { meetingInputSchema } from '@knotenpunkt/model';
import { emptyMeetingValues, formFields, meetingValues, parseMeetingValues } from './meetingForm';

const contacts = [
  { name: 'Yasemin Kaya', role: 'Koordination', phone: '', email: 'yk@example.de' },
];

describe('the meeting form', () => {
  it('turns Berlin dates and times, capacity and agenda into the model input', () => {
    const values = {
      ...emptyMeetingValues(new Date('2026-11-22T10:00:00Z')),
      title: 'Netzwerktreffen Dezember',
      startDate: '2026-12-08',
      startTime: '16:00',
      endDate: '2026-12-08',
      endTime: '18:30',
      capacity: '40',
      waitlist: true,
      deadlineDate: '2026-12-01',
      agenda: [
        { title: 'Begrüßung', duration: '15', presenter: '' },
        { title: '', duration: '', presenter: '' },
      ],
      contactPerson: '0',
    };
    const result = parseMeetingValues(values, contacts);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.start.toISOString()).toBe('2026-12-08T15:00:00.000Z');
    expect(result.value.end.toISOString()).toBe('2026-12-08T17:30:00.000Z');
    expect(result.value.registrationDeadline?.toISOString()).toBe('2026-12-01T22:59:00.000Z');
    expect(result.value).toMatchObject({
      capacity: 40,
      waitlist: true,
      contactPerson: contacts[0],
    });
    expect(result.value.agenda).toEqual([
      { title: 'Begrüßung', durationMinutes: 15, presenter: '' },
    ]);
  });

  it('names the form fields of wrong input', () => {
    const result = parseMeetingValues(
      { ...emptyMeetingValues(), title: '', capacity: 'viele' },
      contacts,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fields).sort()).toEqual(['capacity', 'title']);
    const early = parseMeetingValues(
      { ...emptyMeetingValues(), title: 'Treffen', startTime: '18:00', endTime: '17:00' },
      contacts,
    );
    expect(early.ok ? [] : Object.keys(early.fields)).toEqual(['endTime']);
  });

  it('switches the waiting list off without a capacity', () => {
    const result = parseMeetingValues(
      { ...emptyMeetingValues(), title: 'Offen', waitlist: true },
      contacts,
    );
    expect(result.ok && result.value.waitlist).toBe(false);
  });

  it('reads a stored meeting back into the same values', () => {
    const stored = meetingInputSchema.parse({
      kind: 'Workshop',
      title: 'Elternarbeit',
      start: new Date('2027-06-01T14:00:00Z'),
      end: new Date('2027-06-01T16:00:00Z'),
      capacity: 12,
      contactPerson: contacts[0],
      agenda: [{ title: 'Input', durationMinutes: null }],
      minutes: 'Protokoll',
    });
    const values = meetingValues(stored, contacts);
    expect(values).toMatchObject({
      startDate: '2027-06-01',
      startTime: '16:00',
      capacity: '12',
      contactPerson: '0',
    });
    const again = parseMeetingValues(values, contacts);
    expect(again.ok && again.value.start.getTime()).toBe(stored.start.getTime());
    expect(again.ok && formFields(again.value)).not.toHaveProperty('minutes');
  });
});
