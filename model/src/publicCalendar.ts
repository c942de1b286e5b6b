import { z } from 'zod';
import { requiredText, optionalText, timestamp } from './primitives.ts';

/** One upcoming public meeting as shown on public pages. */
export const calendarEntrySchema = z.strictObject({
  id: z.string(),
  kind: requiredText(),
  title: requiredText(),
  start: timestamp,
  end: timestamp,
  place: optionalText(500),
  topic: optionalText(500),
  /** Minutes or results are on the meeting's public page. */
  minutesPublished: z.boolean().default(false),
});
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;

/** networks/{networkId}/public/calendar: kept by a function so public pages cost one read. */
export const publicCalendarSchema = z.strictObject({
  meetings: z.array(calendarEntrySchema),
  /** Recent public meetings, latest first (their pages may show minutes). */
  past: z.array(calendarEntrySchema).default([]),
  updatedAt: timestamp,
});
export type PublicCalendar = z.infer<typeof publicCalendarSchema>;
