// The JSON the public pages get: the form's choices, the consent texts, a person's own data.
import type { DocumentData } from 'firebase-admin/firestore';
import {
  CONSENT_PURPOSES,
  CONSENT_PURPOSE_LABELS,
  VOLUNTEER_LANGUAGES,
  currentConsentText,
  type ConsentPurpose,
  type ConsentRecordView,
  type ConsentTextView,
  type PreferencesView,
  type SubscriberOptions,
} from '@knotenpunkt/model';
import type { Firestore } from 'firebase-admin/firestore';
import { interestOptions, type NetworkFacts } from './network.ts';
import { consentsOf, toDate } from './record.ts';

export function currentConsentTexts(): Record<ConsentPurpose, ConsentTextView> {
  const out = {} as Record<ConsentPurpose, ConsentTextView>;
  for (const purpose of CONSENT_PURPOSES) {
    const text = currentConsentText(purpose);
    out[purpose] = {
      purpose,
      version: text.version,
      label: CONSENT_PURPOSE_LABELS[purpose],
      text: text.text,
    };
  }
  return out;
}

export async function optionsOf(db: Firestore, network: NetworkFacts): Promise<SubscriberOptions> {
  const { fieldsOfAction, workingGroups } = await interestOptions(db, network);
  return { fieldsOfAction, workingGroups, languages: [...VOLUNTEER_LANGUAGES] };
}

const iso = (value: unknown) => toDate(value)?.toISOString() ?? null;

export function preferencesView(
  network: NetworkFacts,
  data: DocumentData,
  options: SubscriberOptions,
): PreferencesView {
  const records = consentsOf(data);
  const consents = {} as Record<ConsentPurpose, ConsentRecordView | null>;
  for (const purpose of CONSENT_PURPOSES) {
    const r = records[purpose];
    consents[purpose] = r
      ? {
          form: r.form,
          formId: r.formId,
          textVersion: r.textVersion,
          textHash: r.textHash,
          requestedAt: iso(r.requestedAt),
          mailSentAt: iso(r.mailSentAt),
          confirmedAt: iso(r.confirmedAt),
          withdrawnAt: iso(r.withdrawnAt),
        }
      : null;
  }
  const purposes = data.purposes as { invitations?: unknown; volunteer?: unknown } | undefined;
  return {
    network: { id: network.id, name: network.name },
    subscriber: {
      email: String(data.email),
      name: String(data.name ?? ''),
      organisation: String(data.organisation ?? ''),
      interests: Array.isArray(data.interests) ? data.interests.map(String) : [],
      status: data.status,
      purposes: {
        invitations: purposes?.invitations === true,
        volunteer: purposes?.volunteer === true,
      },
      volunteer: (data.volunteer as PreferencesView['subscriber']['volunteer']) ?? null,
      consents,
    },
    options,
    consentTexts: currentConsentTexts(),
  };
}
