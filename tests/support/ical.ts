// Reads iCalendar text with a real parser (ical.js), as calendar apps would.
import ICAL from 'ical.js';

export interface ParsedEvent {
  uid: string;
  summary: string;
  location: string;
  description: string;
  status: string;
  sequence: number;
  start: Date;
  end: Date;
}

export interface ParsedCalendar {
  method: string;
  name: string;
  events: ParsedEvent[];
}

export function parseIcs(text: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location ?? '',
      description: event.description ?? '',
      status: String(vevent.getFirstPropertyValue('status') ?? ''),
      sequence: Number(vevent.getFirstPropertyValue('sequence') ?? 0),
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
    };
  });
  return {
    method: String(calendar.getFirstPropertyValue('method') ?? ''),
    name: String(calendar.getFirstPropertyValue('x-wr-calname') ?? ''),
    events,
  };
}
