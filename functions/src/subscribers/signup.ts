// The public signup (POST /api/subscribers/signup): validated before anything else, a honeypot and
// a per-client limit instead of a captcha, and one answer for every address: new, unconfirmed,
// confirmed or unsubscribed look the same from outside (no enumeration). The subscriber's id is
// the hash of the address and every decision is taken in one transaction, so concurrent signups
// of one address make one subscriber and at most MAILS_PER_DAY_MAX mails a day.
import type { DocumentData } from 'firebase-admin/firestore';
import {
  mailBudget,
  signupInputSchema,
  type ConsentPurpose,
  type ConsentRecord,
  type Signup,
} from '@knotenpunkt/model';
import { fail, parseOrFail } from '../platform/errors.ts';
import { ensureConsentTexts, consentProof } from './consentTexts.ts';
import type { SubscriberDeps } from './deps.ts';
import {
  confirmationLinks,
  preferencesLinks,
  recordMailSent,
  sendSubscriberMail,
} from './deliver.ts';
import { alreadySubscribedMail, confirmationMail } from './mails.ts';
import { assertChosenFrom, interestOptions, loadPublicNetwork } from './network.ts';
import { allowRequest } from './rateLimit.ts';
import { chosenPurposes, newConsent, subscriberRef, toDates } from './record.ts';
import { writeTokens } from './tokens.ts';

/** The one answer to every accepted signup. */
export const SIGNUP_ACCEPTED = {
  ok: true,
  message:
    'Fast geschafft: Bitte prüfen Sie Ihr Postfach. Wir haben Ihnen eine E-Mail geschickt – ' +
    'erst mit Ihrer Bestätigung werden Sie in den Verteiler aufgenommen.',
} as const;

type Plan =
  | { kind: 'none' }
  | { kind: 'confirm'; links: ReturnType<typeof confirmationLinks>; purposes: ConsentPurpose[] }
  | { kind: 'notice'; links: ReturnType<typeof preferencesLinks>; name: string };

/** Checks what the form sent against what the network offers; fails naming the field. */
async function checkChoices(deps: SubscriberDeps, input: Signup) {
  const network = await loadPublicNetwork(deps.db, input.networkId);
  const options = await interestOptions(deps.db, network);
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
  const proofs: Partial<Record<ConsentPurpose, { textVersion: string; textHash: string }>> = {};
  for (const purpose of chosenPurposes(input.purposes)) {
    const field = `consentVersions.${purpose}`;
    const proof = await consentProof(purpose, input.consentVersions[purpose] ?? '');
    if (!proof) {
      const message = 'Diesen Einwilligungstext gibt es nicht. Bitte laden Sie die Seite neu.';
      fail('INVALID_ARGUMENT', { field, fields: { [field]: message } });
    }
    proofs[purpose] = proof;
  }
  return { network, proofs };
}

export async function handleSignup(
  body: unknown,
  client: string,
  deps: SubscriberDeps,
): Promise<typeof SIGNUP_ACCEPTED> {
  const input = parseOrFail(signupInputSchema, body);
  // A bot filled the hidden field: accept, store nothing, send nothing.
  if (input.website.trim() !== '') return SIGNUP_ACCEPTED;
  // What the form chose is checked against the network before anything is stored.
  const { network, proofs } = await checkChoices(deps, input);
  const now = deps.now();
  if (!(await allowRequest(deps.db, deps.signupLimit, client, now))) fail('RATE_LIMITED');
  await ensureConsentTexts(deps.db, now);

  const ref = await subscriberRef(deps.db, network.id, input.email);
  const purposes = chosenPurposes(input.purposes);
  const consents: Record<ConsentPurpose, ConsentRecord | null> = {
    invitations: proofs.invitations ? newConsent('signup', proofs.invitations, now) : null,
    volunteer: proofs.volunteer ? newConsent('signup', proofs.volunteer, now) : null,
  };
  const fresh = (existing: DocumentData | undefined, mailsSentAt: Date[]) => ({
    email: input.email,
    name: input.name,
    organisation: input.organisation,
    interests: input.interests,
    status: 'pending',
    purposes: input.purposes,
    consents,
    volunteer: input.volunteer,
    contactNote: null,
    // A signup of the person themselves: no longer part of a coordinator's import.
    importId: null,
    requestedAt: now,
    mailsSentAt,
    unsubscribedAt: null,
    bouncedAt: null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  });

  const plan = await deps.db.runTransaction(async (tx): Promise<Plan> => {
    const snap = await tx.get(ref);
    const existing = snap.data();
    const status = existing?.status as string | undefined;
    const budget = mailBudget(toDates(existing?.mailsSentAt), now);
    // At most MAILS_PER_DAY_MAX mails a day to one address, whoever keeps signing it up.
    if (existing && !budget.allowed) return { kind: 'none' };
    if (!existing || status === 'unsubscribed' || status === 'bounced') {
      // New, or back after leaving: a new request with new consent records, to be confirmed.
      const links = confirmationLinks(deps, network.id, ref.path, now);
      writeTokens(tx, links.tokens);
      tx.set(ref, fresh(existing, [...budget.recent, now]));
      return { kind: 'confirm', links, purposes };
    }
    if (status === 'pending') {
      // Asked again before confirming: the latest form counts, with a fresh link.
      const links = confirmationLinks(deps, network.id, ref.path, now);
      writeTokens(tx, links.tokens);
      tx.set(ref, fresh(existing, [...budget.recent, now]));
      return { kind: 'confirm', links, purposes };
    }
    // Confirmed: nothing changes; the person learns where to change their settings.
    const links = preferencesLinks(deps, network.id, ref.path, now);
    writeTokens(tx, links.tokens);
    tx.update(ref, { mailsSentAt: [...budget.recent, now] });
    return { kind: 'notice', links, name: String(existing.name ?? '') };
  });

  if (plan.kind === 'confirm') {
    const mail = confirmationMail({
      networkName: network.name,
      purposes: plan.purposes,
      confirmUrl: plan.links.confirmUrl,
      preferencesUrl: plan.links.preferencesUrl,
      byCoordinator: false,
      name: input.name,
    });
    await sendSubscriberMail(deps, input.email, mail, plan.links.oneClickUrl, network.name);
    await recordMailSent(deps.db, ref, plan.purposes, deps.now(), now);
  } else if (plan.kind === 'notice') {
    const mail = alreadySubscribedMail({
      networkName: network.name,
      preferencesUrl: plan.links.preferencesUrl,
      name: plan.name,
    });
    await sendSubscriberMail(deps, input.email, mail, plan.links.oneClickUrl, network.name);
  }
  return SIGNUP_ACCEPTED;
}
