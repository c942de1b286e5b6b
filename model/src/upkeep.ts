import { z } from 'zod';
import { BODY_MAX, SUBJECT_MAX, placeholdersIn } from './mailing.ts';
import {
  docId,
  email,
  int,
  optionalText,
  optionalTimestamp,
  requiredText,
  timestamp,
} from './primitives.ts';
import { proposedActorFieldsSchema, type ProposedActorFields } from './proposalInput.ts';
import { sameValue } from './proposalReview.ts';

// "Ist Ihr Eintrag noch aktuell?": a coordinator starts an upkeep round for the network; each
// published actor's contact gets a mail (a mailing of the one pipeline, recipient source
// `upkeep`) with a personal link to a form prefilled with the entry. "Alles aktuell" records
// lastConfirmedAt; changes go to the review inbox as a proposal with only the differing fields.
//
//   networks/{n}/upkeepRounds/{roundId}                 the round (its mailing has the same id)
//   networks/{n}/upkeepRounds/{roundId}/entries/{actorId}   one actor: who is asked, the answer
//   tokens/{sha256}   purpose 'upkeep', targetPath = the entry; made when the mail is sent

/** How long a link works. */
export const UPKEEP_LINK_DAYS = 30;

export const UPKEEP_ENTRY_STATUSES = ['open', 'confirmed', 'changed'] as const;
export type UpkeepEntryStatus = (typeof UPKEEP_ENTRY_STATUSES)[number];
export const UPKEEP_ENTRY_STATUS_LABELS: Record<UpkeepEntryStatus, string> = {
  open: 'Noch keine Antwort',
  confirmed: 'Als aktuell bestätigt',
  changed: 'Änderungen vorgeschlagen',
};

/** networks/{n}/upkeepRounds/{roundId}: written by the function that starts it. */
export const upkeepRoundSchema = z.strictObject({
  mailingId: docId,
  /** Actors asked (one mail each). */
  actors: int(0, 100_000),
  /** Published actors without any address, so nobody could be asked. */
  unreachable: z.array(z.strictObject({ id: docId, name: z.string() })).max(1000),
  createdAt: timestamp,
  createdBy: z.string(),
});
export type UpkeepRound = z.infer<typeof upkeepRoundSchema>;

/** networks/{n}/upkeepRounds/{roundId}/entries/{actorId} */
export const upkeepEntrySchema = z.strictObject({
  actorName: z.string(),
  name: z.string(),
  email,
  /** The contact asked; null: the actor's public address. */
  contactId: docId.nullable(),
  status: z.enum(UPKEEP_ENTRY_STATUSES),
  respondedAt: optionalTimestamp,
  /** The proposal with the changes (status 'changed'). */
  proposalId: docId.nullable(),
});
export type UpkeepEntry = z.infer<typeof upkeepEntrySchema>;

/** The placeholder every upkeep mail needs: without it the mail asks for nothing. */
export const UPKEEP_LINK_PLACEHOLDER = '{{aktualisierungslink}}';

/** What choosing whom to ask reads of an actor and a contact (stored documents or model types). */
export interface UpkeepActorLike {
  id: string;
  name: string;
  status: string;
  publicContact?: { email?: string } | null;
}
export interface UpkeepContactLike {
  id: string;
  actorId: string | null;
  name: string;
  email: string;
  consent: { given: boolean };
}

export interface UpkeepRecipients {
  asked: { actorId: string; entry: UpkeepEntry }[];
  /** Published actors without any usable address: nobody can be asked for them. */
  unreachable: { id: string; name: string }[];
}

/**
 * Whom an upkeep round asks: each published actor once, through the first contact (by id) who
 * consented and has an address, else the organisation's public address. The function that starts
 * the round and the page that counts in advance both use this, so the count shown is the count
 * sent.
 */
export function chooseUpkeepRecipients(
  actors: readonly UpkeepActorLike[],
  contacts: readonly UpkeepContactLike[],
): UpkeepRecipients {
  const contactOf = new Map<string, UpkeepContactLike>();
  for (const c of [...contacts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (!c.actorId || contactOf.has(c.actorId)) continue;
    if (c.consent.given && email.safeParse(c.email).success) contactOf.set(c.actorId, c);
  }
  const asked: UpkeepRecipients['asked'] = [];
  const unreachable: UpkeepRecipients['unreachable'] = [];
  for (const actor of actors) {
    if (actor.status !== 'published') continue;
    const contact = contactOf.get(actor.id);
    const parsed = upkeepEntrySchema.safeParse({
      actorName: actor.name,
      name: contact?.name ?? '',
      email: contact ? contact.email : (actor.publicContact?.email ?? ''),
      contactId: contact?.id ?? null,
      status: 'open',
      respondedAt: null,
      proposalId: null,
    });
    if (parsed.success) asked.push({ actorId: actor.id, entry: parsed.data });
    else unreachable.push({ id: actor.id, name: actor.name });
  }
  return { asked, unreachable };
}

export const DEFAULT_UPKEEP_SUBJECT = 'Ist Ihr Eintrag noch aktuell? – {{akteur}}';
export const DEFAULT_UPKEEP_BODY = [
  'Guten Tag {{name}},',
  '',
  'im Verzeichnis des Netzwerks {{netzwerk}} steht „{{akteur}}“. Damit Ratsuchende, Ehrenamtliche und Partner Sie finden, bitten wir Sie einmal im Jahr um einen kurzen Blick auf den Eintrag:',
  '',
  '{{aktualisierungslink}}',
  '',
  'Stimmt alles, genügt ein Klick auf „Alles aktuell“. Änderungen tragen Sie direkt im Formular ein; die Koordination prüft sie und übernimmt sie ins Verzeichnis.',
  '',
  `Der Link ist ${UPKEEP_LINK_DAYS} Tage gültig und nur für Sie bestimmt.`,
  '',
  'Vielen Dank!',
].join('\n');

/** What a coordinator sends to start a round (the mail can be adjusted). */
export const startUpkeepRoundInputSchema = z.strictObject({
  networkId: docId,
  subject: requiredText(SUBJECT_MAX).default(DEFAULT_UPKEEP_SUBJECT),
  body: requiredText(BODY_MAX)
    .refine((body) => placeholdersIn(body).includes('aktualisierungslink'), {
      error: `Der Text braucht den Platzhalter ${UPKEEP_LINK_PLACEHOLDER} für den persönlichen Link.`,
    })
    .default(DEFAULT_UPKEEP_BODY),
});
export type StartUpkeepRoundInput = z.input<typeof startUpkeepRoundInputSchema>;

/** The link's token, posted by the page (it lives in the URL's fragment, never in a query). */
const token = z
  .string({ error: 'Der Link ist unvollständig.' })
  .trim()
  .regex(/^[A-Za-z0-9_-]{22,200}$/, { error: 'Der Link ist unvollständig.' });

export const upkeepTokenInputSchema = z.strictObject({ token });

export const upkeepChangesInputSchema = z.strictObject({
  token,
  fields: proposedActorFieldsSchema,
  /** Who answers (for questions back), prefilled with the person asked. */
  proposer: z.strictObject({ name: optionalText(), email }),
});
export type UpkeepChangesInput = z.input<typeof upkeepChangesInputSchema>;

/** POST /api/upkeep/entry answers with the entry as it is now. */
export interface UpkeepEntryView {
  actorName: string;
  networkName: string;
  fields: ProposedActorFields;
  /** Whom the mail was addressed to (prefills "Ihre Angaben"). */
  contact: { name: string; email: string };
  lastConfirmedAt: string | null;
  expiresAt: string;
}

/** The answers a link gets when it cannot be used, by code. */
export const UPKEEP_LINK_PROBLEMS = {
  UPKEEP_LINK_UNKNOWN: {
    status: 404,
    message:
      'Diesen Link kennen wir nicht. Bitte prüfen Sie, ob er vollständig aus der E-Mail übernommen wurde.',
  },
  UPKEEP_LINK_EXPIRED: {
    status: 410,
    message: `Dieser Link ist abgelaufen (Links gelten ${UPKEEP_LINK_DAYS} Tage). Bitte wenden Sie sich an die Koordination des Netzwerks, wenn Sie Ihren Eintrag ändern möchten.`,
  },
  UPKEEP_LINK_USED: {
    status: 409,
    message:
      'Mit diesem Link wurde schon geantwortet – vielen Dank! Für weitere Änderungen wenden Sie sich bitte an die Koordination des Netzwerks.',
  },
  UPKEEP_ENTRY_GONE: {
    status: 410,
    message: 'Dieser Eintrag ist nicht mehr im Verzeichnis. Der Link wird nicht mehr gebraucht.',
  },
} as const;
export type UpkeepLinkProblem = keyof typeof UPKEEP_LINK_PROBLEMS;

/** The proposed fields that differ from the entry now: what goes to the review inbox. */
export function differingFields(
  current: ProposedActorFields,
  proposed: ProposedActorFields,
): Partial<ProposedActorFields> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(proposed) as (keyof ProposedActorFields)[]) {
    if (!sameValue(current[key], proposed[key])) out[key] = proposed[key];
  }
  return out as Partial<ProposedActorFields>;
}
