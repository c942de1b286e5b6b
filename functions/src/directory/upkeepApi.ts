// The upkeep form's HTTP routes. The page reads the token from the link's fragment and posts it;
// nothing happens on a GET (mail scanners open links), and each link answers once:
//   POST /api/upkeep/entry     the entry as it is now, to prefill the form
//   POST /api/upkeep/confirm   "Alles aktuell": lastConfirmedAt = now
//   POST /api/upkeep/changes   the form: the fields that differ go to the review inbox
// Unknown, expired and used links get their own status and German answer (UPKEEP_LINK_PROBLEMS).
import {
  FieldValue,
  Timestamp,
  type DocumentSnapshot,
  type Firestore,
  type Transaction,
} from 'firebase-admin/firestore';
import type { Request } from 'firebase-functions/v2/https';
import type { z } from 'zod';
import {
  UPKEEP_LINK_PROBLEMS,
  differingFields,
  fieldLabels,
  fieldErrors,
  paths,
  proposedActorFieldsSchema,
  sha256Hex,
  upkeepChangesInputSchema,
  upkeepTokenInputSchema,
  type ProposedActorFields,
  type UpkeepEntryView,
  type UpkeepLinkProblem,
} from '@knotenpunkt/model';
import type { ApiDeps, ApiResponse } from '../http/api.ts';
import { invalid, jsonBody, notifyCoordinators } from './proposals.ts';

const BODY_MAX_BYTES = 32_000;

class LinkProblem extends Error {
  constructor(readonly code: UpkeepLinkProblem) {
    super(code);
  }
}

function problem(code: UpkeepLinkProblem): ApiResponse {
  const { status, message } = UPKEEP_LINK_PROBLEMS[code];
  return { status, body: { error: code, message } };
}

/** networks/{n}/upkeepRounds/{r}/entries/{actorId} → its parts. */
function entryTarget(path: string) {
  const m = /^networks\/([^/]+)\/upkeepRounds\/([^/]+)\/entries\/([^/]+)$/.exec(path);
  return m ? { networkId: m[1]!, roundId: m[2]!, actorId: m[3]! } : null;
}

const FIELD_KEYS = Object.keys(proposedActorFieldsSchema.shape) as (keyof ProposedActorFields)[];

/** The proposable fields of a stored actor (other keys are the coordinators' business). */
function fieldsOf(actor: DocumentSnapshot): ProposedActorFields | null {
  const data = actor.data() ?? {};
  const picked = Object.fromEntries(FIELD_KEYS.map((k) => [k, data[k]]));
  const parsed = proposedActorFieldsSchema.safeParse(picked);
  return parsed.success ? parsed.data : null;
}

interface OpenLink {
  tokenRef: FirebaseFirestore.DocumentReference;
  entryRef: FirebaseFirestore.DocumentReference;
  actor: DocumentSnapshot;
  entry: DocumentSnapshot;
  fields: ProposedActorFields;
  networkId: string;
  actorId: string;
  expiresAt: Date;
}

/**
 * Checks the link and loads what it acts on, in the transaction when one is given (so a double
 * click answers once and "used" the second time).
 */
async function openLink(
  db: Firestore,
  token: string,
  now: Date,
  tx?: Transaction,
): Promise<OpenLink> {
  const get = (ref: FirebaseFirestore.DocumentReference) => (tx ? tx.get(ref) : ref.get());
  const tokenRef = db.doc(paths.token(await sha256Hex(token)));
  const tokenDoc = await get(tokenRef);
  const target = entryTarget(String(tokenDoc.get('targetPath') ?? ''));
  if (!tokenDoc.exists || tokenDoc.get('purpose') !== 'upkeep' || !target) {
    throw new LinkProblem('UPKEEP_LINK_UNKNOWN');
  }
  const expiresAt = (tokenDoc.get('expiresAt') as Timestamp | null)?.toDate() ?? new Date(0);
  if (expiresAt.getTime() <= now.getTime()) throw new LinkProblem('UPKEEP_LINK_EXPIRED');
  if (tokenDoc.get('usedAt')) throw new LinkProblem('UPKEEP_LINK_USED');
  const entryRef = db.doc(paths.upkeepEntry(target.networkId, target.roundId, target.actorId));
  const [entry, actor] = await Promise.all([
    get(entryRef),
    get(db.doc(paths.actor(target.actorId))),
  ]);
  if (!entry.exists) throw new LinkProblem('UPKEEP_LINK_UNKNOWN');
  if (entry.get('status') !== 'open') throw new LinkProblem('UPKEEP_LINK_USED');
  const fields = actor.exists && actor.get('status') !== 'archived' ? fieldsOf(actor) : null;
  if (!fields) throw new LinkProblem('UPKEEP_ENTRY_GONE');
  return {
    tokenRef,
    entryRef,
    actor,
    entry,
    fields,
    networkId: target.networkId,
    actorId: target.actorId,
    expiresAt,
  };
}

function readInput<S extends z.ZodType>(
  req: Request,
  schema: S,
): { input: z.output<S> } | { answer: ApiResponse } {
  const read = jsonBody(req, BODY_MAX_BYTES);
  if ('answer' in read) return read;
  const parsed = schema.safeParse(read.body);
  if (!parsed.success) return { answer: invalid(fieldErrors(parsed.error)) };
  return { input: parsed.data };
}

async function answering(run: () => Promise<ApiResponse>): Promise<ApiResponse> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof LinkProblem) return problem(error.code);
    throw error;
  }
}

export async function handleUpkeepEntry(req: Request, deps: ApiDeps): Promise<ApiResponse> {
  const read = readInput(req, upkeepTokenInputSchema);
  if ('answer' in read) return read.answer;
  return answering(async () => {
    const link = await openLink(deps.db, read.input.token, new Date());
    const network = await deps.db.doc(paths.network(link.networkId)).get();
    const confirmed = link.actor.get('lastConfirmedAt') as Timestamp | null | undefined;
    const view: UpkeepEntryView = {
      actorName: String(link.actor.get('name') ?? ''),
      networkName: String(network.get('name') ?? link.networkId),
      fields: link.fields,
      contact: {
        name: String(link.entry.get('name') ?? ''),
        email: String(link.entry.get('email')),
      },
      lastConfirmedAt: confirmed ? confirmed.toDate().toISOString() : null,
      expiresAt: link.expiresAt.toISOString(),
    };
    return { status: 200, body: view };
  });
}

/** Marks the answer: the entry, the token (used), the actor's confirmation date. */
function recordAnswer(
  tx: Transaction,
  link: OpenLink,
  status: 'confirmed' | 'changed',
  proposalId: string | null,
) {
  const now = FieldValue.serverTimestamp();
  tx.update(link.tokenRef, { usedAt: now });
  tx.update(link.entryRef, { status, respondedAt: now, proposalId });
  // Someone who knows the entry looked at it: it counts as current (not stale) from now on.
  tx.update(link.actor.ref, { lastConfirmedAt: now });
}

export async function handleUpkeepConfirm(req: Request, deps: ApiDeps): Promise<ApiResponse> {
  const read = readInput(req, upkeepTokenInputSchema);
  if ('answer' in read) return read.answer;
  return answering(() =>
    deps.db.runTransaction(async (tx) => {
      const link = await openLink(deps.db, read.input.token, new Date(), tx);
      recordAnswer(tx, link, 'confirmed', null);
      return {
        status: 200,
        body: { ok: true, message: 'Vielen Dank! Ihr Eintrag ist als aktuell bestätigt.' },
      };
    }),
  );
}

export async function handleUpkeepChanges(req: Request, deps: ApiDeps): Promise<ApiResponse> {
  const read = readInput(req, upkeepChangesInputSchema);
  if ('answer' in read) return read.answer;
  let proposed: { networkId: string; actorName: string; changed: string[] } | null = null;
  const answer = await answering(() =>
    deps.db.runTransaction(async (tx) => {
      const link = await openLink(deps.db, read.input.token, new Date(), tx);
      const changes = differingFields(link.fields, read.input.fields);
      const changed = Object.keys(changes);
      if (changed.length === 0) {
        recordAnswer(tx, link, 'confirmed', null);
        return {
          status: 200,
          body: {
            ok: true,
            changed,
            message:
              'Sie haben nichts geändert – Ihr Eintrag ist als aktuell bestätigt. Vielen Dank!',
          },
        };
      }
      const proposalRef = deps.db.collection(paths.proposals()).doc();
      tx.set(proposalRef, {
        entity: 'actor',
        origin: 'upkeep',
        targetId: link.actorId,
        networkIds: [link.networkId],
        fields: changes,
        proposer: { name: read.input.proposer.name, email: read.input.proposer.email },
        status: 'open',
        note: '',
        submittedAt: FieldValue.serverTimestamp(),
        decidedAt: null,
        decidedBy: null,
      });
      recordAnswer(tx, link, 'changed', proposalRef.id);
      proposed = {
        networkId: link.networkId,
        actorName: String(link.actor.get('name') ?? ''),
        changed,
      };
      return {
        status: 201,
        body: {
          ok: true,
          changed,
          message:
            'Vielen Dank! Die Koordination prüft Ihre Änderungen und übernimmt sie ins Verzeichnis.',
        },
      };
    }),
  );
  if (answer.status === 201 && proposed) await notifyUpkeepChange(deps, proposed);
  return answer;
}

/** The coordinators hear of an upkeep change as of a public proposal. */
async function notifyUpkeepChange(
  deps: ApiDeps,
  proposed: { networkId: string; actorName: string; changed: string[] },
) {
  const labels = fieldLabels('actor');
  const what = proposed.changed.map((field) => labels[field] ?? field).join(', ');
  await notifyCoordinators(deps, proposed.networkId, {
    subject: `Aktualisierung für das Verzeichnis: ${proposed.actorName}`,
    paragraphs: [
      'Guten Tag,',
      `zum Eintrag „${proposed.actorName}“ kamen über „Ist Ihr Eintrag noch aktuell?“ Änderungen: ${what}.`,
      'Sie warten im Eingang der Verwaltung auf Ihre Prüfung.',
    ],
  });
}
