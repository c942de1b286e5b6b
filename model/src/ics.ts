// iCalendar (RFC 5545) text for a meeting's `.ics` (download, mail attachment) and a network's
// feed. Times are written in UTC ("…Z"), which every calendar app shows in its own zone, so no
// VTIMEZONE block is needed. Lines end in CRLF and are folded at 75 octets.
import { berlinDateString } from './berlinTime.ts';

export type IcsStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

export interface IcsEvent {
  /** Stable across updates: the calendar app replaces the event with the same UID. */
  uid: string;
  /** Grows with every change, so apps take the newer version. */
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status?: IcsStatus;
  lastModified?: Date;
  categories?: string[];
}

export interface IcsCalendar {
  /** PUBLISH for downloads, feeds and invitations; CANCEL for a cancellation's attachment. */
  method?: 'PUBLISH' | 'CANCEL';
  /** The feed's name in calendar apps (X-WR-CALNAME). */
  name?: string;
  /** How often subscribers should refresh a feed. */
  refreshHours?: number;
  events: IcsEvent[];
  /** DTSTAMP of every event: when this text was made. */
  now: Date;
}

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';
const PRODID = '-//Knotenpunkt//Treffen//DE';

/** 20261203T160000Z */
export function icsDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11). */
export function icsEscape(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** Splits a content line into lines of at most 75 octets, continuations starting with a space. */
export function icsFold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    // The first line holds 75 octets; continuation lines 74 plus their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Control characters other than line breaks have no place in a calendar. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

function eventLines(event: IcsEvent, now: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${clean(event.uid)}`,
    `SEQUENCE:${Math.max(0, Math.floor(event.sequence))}`,
    `DTSTAMP:${icsDateTime(now)}`,
    `DTSTART:${icsDateTime(event.start)}`,
    `DTEND:${icsDateTime(event.end)}`,
    `SUMMARY:${icsEscape(clean(event.summary))}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${icsEscape(clean(event.description))}`);
  if (event.location) lines.push(`LOCATION:${icsEscape(clean(event.location))}`);
  if (event.url) lines.push(`URL:${clean(event.url)}`);
  if (event.categories?.length) {
    lines.push(`CATEGORIES:${event.categories.map((c) => icsEscape(clean(c))).join(',')}`);
  }
  lines.push(`STATUS:${event.status ?? 'CONFIRMED'}`);
  if (event.lastModified) lines.push(`LAST-MODIFIED:${icsDateTime(event.lastModified)}`);
  lines.push('END:VEVENT');
  return lines;
}

/** The whole VCALENDAR text. */
export function icsCalendar(calendar: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${calendar.method ?? 'PUBLISH'}`,
  ];
  if (calendar.name) lines.push(`X-WR-CALNAME:${icsEscape(clean(calendar.name))}`);
  if (calendar.refreshHours) {
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${calendar.refreshHours}H`);
    lines.push(`X-PUBLISHED-TTL:PT${calendar.refreshHours}H`);
  }
  for (const event of calendar.events) lines.push(...eventLines(event, calendar.now));
  lines.push('END:VCALENDAR');
  return `${lines.map(icsFold).join('\r\n')}\r\n`;
}

/** A file name for a download or attachment: "netzwerktreffen-2026-12-03.ics". */
export function icsFileName(title: string, start: Date): string {
  const stem =
    title
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'treffen';
  return `${stem}-${berlinDateString(start)}.ics`;
}
