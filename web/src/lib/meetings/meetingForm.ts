// The meeting form's values: text inputs (dates and times in Berlin, numbers as typed) to and from
// the model's input. Pure, so the conversion is tested beside it.
import {
  berlinDateString,
  berlinTimeString,
  meetingInputSchema,
  parseBerlinDateTime,
  parseInput,
  type AgendaItem,
  type ContactPerson,
  type MeetingInput,
  type MeetingKind,
  type ParseResult,
} from '@knotenpunkt/model';

export interface AgendaRow {
  title: string;
  duration: string;
  presenter: string;
}

export interface MeetingFormValues {
  kind: MeetingKind;
  title: string;
  topic: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  place: string;
  onlineUrl: string;
  agenda: AgendaRow[];
  workingGroupId: string;
  capacity: string;
  waitlist: boolean;
  deadlineDate: string;
  deadlineTime: string;
  public: boolean;
  /** Index into the network's contact persons, or '' for none. */
  contactPerson: string;
  reminderDays: string;
  remindNoAnswer: boolean;
}

type Source = Pick<
  MeetingInput,
  | 'kind'
  | 'title'
  | 'topic'
  | 'start'
  | 'end'
  | 'place'
  | 'onlineUrl'
  | 'agenda'
  | 'workingGroupId'
  | 'capacity'
  | 'waitlist'
  | 'registrationDeadline'
  | 'public'
  | 'contactPerson'
  | 'reminderDays'
  | 'remindNoAnswer'
>;

/** The form for a new meeting: next week, 16–18 Uhr, internal, reminder two days before. */
export function emptyMeetingValues(now = new Date()): MeetingFormValues {
  const day = berlinDateString(new Date(now.getTime() + 7 * 86_400_000));
  return {
    kind: 'Netzwerktreffen',
    title: '',
    topic: '',
    startDate: day,
    startTime: '16:00',
    endDate: day,
    endTime: '18:00',
    place: '',
    onlineUrl: '',
    agenda: [],
    workingGroupId: '',
    capacity: '',
    waitlist: false,
    deadlineDate: '',
    deadlineTime: '',
    public: false,
    contactPerson: '',
    reminderDays: '2',
    remindNoAnswer: false,
  };
}

function sameContact(a: ContactPerson, b: ContactPerson) {
  return a.name === b.name && a.email === b.email && a.phone === b.phone;
}

export function meetingValues(
  meeting: Source,
  contacts: readonly ContactPerson[],
): MeetingFormValues {
  const start = meeting.start;
  const end = meeting.end;
  const deadline = meeting.registrationDeadline ?? null;
  const contactIndex = meeting.contactPerson
    ? contacts.findIndex((c) => sameContact(c, meeting.contactPerson as ContactPerson))
    : -1;
  return {
    kind: meeting.kind,
    title: meeting.title,
    topic: meeting.topic ?? '',
    startDate: berlinDateString(start),
    startTime: berlinTimeString(start),
    endDate: berlinDateString(end),
    endTime: berlinTimeString(end),
    place: meeting.place ?? '',
    onlineUrl: meeting.onlineUrl ?? '',
    agenda: (meeting.agenda ?? []).map((item) => ({
      title: item.title,
      duration:
        item.durationMinutes === null || item.durationMinutes === undefined
          ? ''
          : String(item.durationMinutes),
      presenter: item.presenter ?? '',
    })),
    workingGroupId: meeting.workingGroupId ?? '',
    capacity: meeting.capacity ? String(meeting.capacity) : '',
    waitlist: meeting.waitlist ?? false,
    deadlineDate: deadline ? berlinDateString(deadline) : '',
    deadlineTime: deadline ? berlinTimeString(deadline) : '',
    public: meeting.public ?? false,
    contactPerson: contactIndex >= 0 ? String(contactIndex) : '',
    reminderDays: String(meeting.reminderDays ?? 2),
    remindNoAnswer: meeting.remindNoAnswer ?? false,
  };
}

/** A typed number, or the text itself (the schema then names the field). */
function numberOrText(value: string): number | string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed.replace(',', '.'));
  return Number.isFinite(n) ? n : trimmed;
}

export type MeetingFormResult = ParseResult<MeetingInput>;

/** Checks the form with the model's schema; errors keyed by form field. */
export function parseMeetingValues(
  values: MeetingFormValues,
  contacts: readonly ContactPerson[],
): MeetingFormResult {
  const fields: Record<string, string> = {};
  const start = parseBerlinDateTime(values.startDate, values.startTime);
  const end = parseBerlinDateTime(values.endDate || values.startDate, values.endTime);
  if (!start) fields.startDate = 'Bitte Datum und Uhrzeit des Beginns angeben.';
  if (!end) fields.endTime = 'Bitte die Uhrzeit des Endes angeben.';
  let deadline: Date | null = null;
  if (values.deadlineDate || values.deadlineTime) {
    deadline = parseBerlinDateTime(values.deadlineDate, values.deadlineTime || '23:59');
    if (!deadline) fields.deadlineDate = 'Bitte ein gültiges Datum angeben.';
  }
  const agenda: AgendaItem[] = values.agenda
    .filter((row) => row.title.trim() || row.presenter.trim() || row.duration.trim())
    .map((row) => ({
      title: row.title,
      durationMinutes: numberOrText(row.duration) as number | null,
      presenter: row.presenter,
    }));
  const capacity = numberOrText(values.capacity);
  const reminder = numberOrText(values.reminderDays);
  const contact =
    values.contactPerson === '' ? null : (contacts[Number(values.contactPerson)] ?? null);
  const result = parseInput(meetingInputSchema, {
    kind: values.kind,
    title: values.title,
    topic: values.topic,
    start: start ?? new Date(0),
    end: end ?? new Date(0),
    place: values.place,
    onlineUrl: values.onlineUrl,
    agenda,
    workingGroupId: values.workingGroupId || null,
    capacity,
    waitlist: capacity === null ? false : values.waitlist,
    registrationDeadline: deadline,
    public: values.public,
    contactPerson: contact,
    reminderDays: reminder ?? 0,
    remindNoAnswer: values.remindNoAnswer,
  });
  if (!result.ok) {
    for (const [key, message] of Object.entries(result.fields)) {
      const field =
        key === 'start'
          ? 'startDate'
          : key === 'end'
            ? 'endTime'
            : key === 'registrationDeadline'
              ? 'deadlineDate'
              : key;
      fields[field] ??= message;
    }
  }
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  if (!result.ok) return result;
  return result;
}

/** Only the form's own fields, to save over a stored meeting (minutes, tasks stay). */
export function formFields(input: MeetingInput): Partial<MeetingInput> {
  const {
    minutes: _m,
    results: _r,
    minutesPublished: _p,
    decisions: _d,
    tasks: _t,
    status: _s,
    seriesId: _i,
    ...rest
  } = input;
  return rest;
}
