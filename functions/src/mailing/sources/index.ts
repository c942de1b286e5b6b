import { rsvpsSource } from '../../meetings/sources/rsvps.ts';
import { withRsvpLinks } from '../../meetings/sources/withRsvpLinks.ts';
import { workingGroupSource } from '../../meetings/sources/workingGroup.ts';
import { questionnaireSource } from '../../questionnaires/source.ts';
import { upkeepSource } from '../../directory/upkeepSource.ts';
import { subscriberImportSource, subscribersSource } from '../../subscribers/sources.ts';
import { contactsSource } from './contacts.ts';
import { testSource } from './test.ts';
import type { SourceRegistry } from './types.ts';

export function defaultSources(): SourceRegistry {
  return {
    test: testSource,
    // Mails about a meeting add personal answer links (and invitations add invitees).
    contacts: withRsvpLinks(contactsSource, 'contacts'),
    subscribers: withRsvpLinks(subscribersSource, 'subscribers'),
    // Opt-in mails of a coordinator's import: only the confirmation link, no meeting.
    subscriberImport: subscriberImportSource,
    rsvps: withRsvpLinks(rsvpsSource, 'rsvps'),
    workingGroup: withRsvpLinks(workingGroupSource, 'workingGroup'),
    // Questionnaire invitations and reminders: the personal link is made at sending.
    questionnaire: questionnaireSource,
    // "Ist Ihr Eintrag noch aktuell?": one actor each, the personal link made at sending.
    upkeep: upkeepSource,
  };
}

export * from './types.ts';
