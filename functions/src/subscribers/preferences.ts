// The personal preferences page (token from a mail's footer link): read and change one's own
// interests and purposes. Ticking a purpose records a new consent (form "preferences": the link
// in a mail to the address proves it is the person's); unticking withdraws it; unticking all is
// unsubscribing. Volunteer details exist only while the volunteer purpose is chosen.
import type { DocumentData } from 'firebase-admin/firestore';
import {
  CONSENT_PURPOSES,
  preferencesInputSchema,
  tokenInputSchema,
  type PreferencesView,
} from '@knotenpunkt/model';
import { fail, parseOrFail } from '../platform/errors.ts';
import { consentProof, ensureConsentTexts } from './consentTexts.ts';
import type { SubscriberDeps } from './deps.ts';
import { assertChosenFrom, loadNetwork } from './network.ts';
import { consentsOf, newConsent } from './record.ts';
import { redeemToken } from './tokens.ts';
import { optionsOf, preferencesView } from './views.ts';

async function subscriberOf(deps: SubscriberDeps, token: string) {
  const link = await redeemToken(deps.db, token, ['preferences'], deps.now());
  const snap = await deps.db.doc(link.targetPath).get();
  if (!snap.exists) fail('TOKEN_INVALID', { field: 'token' });
  return { link, snap };
}

export async function handleGetPreferences(
  body: unknown,
  deps: SubscriberDeps,
): Promise<PreferencesView> {
  const { token } = parseOrFail(tokenInputSchema, body);
  const { link, snap } = await subscriberOf(deps, token);
  const network = await loadNetwork(deps.db, link.networkId);
  return preferencesView(network, snap.data() ?? {}, await optionsOf(deps.db, network));
}

export async function handleSavePreferences(
  body: unknown,
  deps: SubscriberDeps,
): Promise<PreferencesView> {
  const input = parseOrFail(preferencesInputSchema, body);
  const { db } = deps;
  const now = deps.now();
  const { link } = await subscriberOf(deps, input.token);
  const network = await loadNetwork(db, link.networkId);
  const options = await optionsOf(db, network);
  assertChosenFrom('interests', input.interests, [
    ...options.fieldsOfAction,
    ...options.workingGroups,
  ]);
  if (input.volunteer) {
    assertChosenFrom(
      'volunteer.fieldsOfAction',
      input.volunteer.fieldsOfAction,
      options.fieldsOfAction,
    );
  }
  const proofs: Partial<
    Record<(typeof CONSENT_PURPOSES)[number], { textVersion: string; textHash: string }>
  > = {};
  for (const purpose of CONSENT_PURPOSES) {
    const version = input.consentVersions[purpose];
    if (!input.purposes[purpose] || !version) continue;
    const proof = await consentProof(purpose, version);
    if (!proof) {
      const field = `consentVersions.${purpose}`;
      fail('INVALID_ARGUMENT', {
        field,
        fields: {
          [field]: 'Diesen Einwilligungstext gibt es nicht. Bitte laden Sie die Seite neu.',
        },
      });
    }
    proofs[purpose] = proof;
  }
  await ensureConsentTexts(db, now);

  const ref = db.doc(link.targetPath);
  const saved = await db.runTransaction(async (tx) => {
    await redeemToken(db, input.token, ['preferences'], now, tx);
    const data: DocumentData | undefined = (await tx.get(ref)).data();
    if (!data) fail('TOKEN_INVALID', { field: 'token' });
    const status = String(data.status);
    // The link came by mail to this address: choosing a purpose again re-subscribes.
    const nextStatus = status === 'pending' ? 'pending' : 'confirmed';
    const confirmed = nextStatus === 'confirmed';
    const consents = consentsOf(data);
    for (const purpose of CONSENT_PURPOSES) {
      const record = consents[purpose];
      const live = record && !record.withdrawnAt && (record.confirmedAt || !confirmed);
      if (input.purposes[purpose]) {
        if (live) continue;
        const proof = proofs[purpose];
        if (!proof) fail('INVALID_ARGUMENT', { field: `consentVersions.${purpose}` });
        consents[purpose] = newConsent('preferences', proof, now, confirmed);
      } else if (record && !record.withdrawnAt) {
        consents[purpose] = { ...record, withdrawnAt: now };
      }
    }
    const change = {
      name: input.name,
      organisation: input.organisation,
      interests: input.interests,
      purposes: input.purposes,
      consents,
      volunteer: input.volunteer,
      contactNote: input.volunteer ? (data.contactNote ?? null) : null,
      status: nextStatus,
      unsubscribedAt: confirmed ? null : (data.unsubscribedAt ?? null),
      bouncedAt: confirmed ? null : (data.bouncedAt ?? null),
      updatedAt: now,
    };
    tx.update(ref, change);
    return { ...data, ...change };
  });
  return preferencesView(network, saved, options);
}
