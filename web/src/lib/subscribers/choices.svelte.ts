// What a person chooses on the signup form and on their preferences page: interests, purposes
// (each with its consent text) and, for volunteers, fields of action, languages, availability,
// phone. One state class for both pages, turned into the model's input at submit.
import {
  CONSENT_PURPOSES,
  VOLUNTEER_LANGUAGES,
  type ConsentPurpose,
  type ConsentTextView,
  type PreferencesView,
  type Purposes,
  type VolunteerProfileInput,
} from '@knotenpunkt/model';

export class SubscriberChoices {
  interests = $state<string[]>([]);
  purposes = $state<Purposes>({ invitations: false, volunteer: false });
  fieldsOfAction = $state<string[]>([]);
  languages = $state<string[]>([]);
  /** Further languages, typed, separated by commas. */
  otherLanguages = $state('');
  availability = $state('');
  phone = $state('');

  static fromPreferences(view: PreferencesView): SubscriberChoices {
    const choices = new SubscriberChoices();
    const s = view.subscriber;
    choices.interests = [...s.interests];
    choices.purposes = { ...s.purposes };
    if (s.volunteer) {
      const offered: readonly string[] = VOLUNTEER_LANGUAGES;
      choices.fieldsOfAction = [...s.volunteer.fieldsOfAction];
      choices.languages = s.volunteer.languages.filter((l) => offered.includes(l));
      choices.otherLanguages = s.volunteer.languages.filter((l) => !offered.includes(l)).join(', ');
      choices.availability = s.volunteer.availability;
      choices.phone = s.volunteer.phone;
    }
    return choices;
  }

  /** The volunteer part of the input (null unless the purpose is ticked). */
  volunteerInput(): VolunteerProfileInput | null {
    if (!this.purposes.volunteer) return null;
    const typed = this.otherLanguages
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    return {
      fieldsOfAction: [...this.fieldsOfAction],
      languages: [...this.languages, ...typed].filter((l, i, all) => all.indexOf(l) === i),
      availability: this.availability,
      phone: this.phone,
    };
  }

  /** interests, purposes, the versions of the texts shown for ticked purposes, volunteer. */
  input(texts: Record<ConsentPurpose, ConsentTextView>) {
    const consentVersions: Partial<Record<ConsentPurpose, string>> = {};
    for (const purpose of CONSENT_PURPOSES) {
      if (this.purposes[purpose]) consentVersions[purpose] = texts[purpose].version;
    }
    return {
      interests: [...this.interests],
      purposes: { ...this.purposes },
      consentVersions,
      volunteer: this.volunteerInput(),
    };
  }
}

/** The element to focus for an error at a dotted input path. */
export function choiceFieldId(path: string): string {
  if (path.startsWith('consentVersions') || path === 'purposes') return 'zwecke';
  if (path.startsWith('interests')) return 'interessen';
  if (path.startsWith('volunteer.fieldsOfAction')) return 'ehrenamt-felder';
  if (path.startsWith('volunteer.languages')) return 'ehrenamt-sprachen';
  if (path.startsWith('volunteer.availability')) return 'ehrenamt-zeit';
  if (path.startsWith('volunteer.phone')) return 'ehrenamt-telefon';
  return path.replaceAll('.', '-');
}
