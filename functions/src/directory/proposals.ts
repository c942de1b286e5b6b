import { FieldValue } from 'firebase-admin/firestore';
import type { Request } from 'firebase-functions/v2/https';
import { logger } from 'firebase-functions';
import {
  ERROR_MESSAGES,
  HONEYPOT_FIELD,
  PROPOSAL_BODY_MAX_BYTES,
  fieldErrors,
  paths,
  proposalTitle,
  publicProposalInputSchema,
} from '@knotenpunkt/model';
import type { ApiDeps, ApiResponse } from '../http/api.ts';
import { simpleHtml } from '../mail/html.ts';
import { clientAddress, takeToken, type RateLimit } from './rateLimit.ts';

// POST /api/proposals: anyone proposes an actor or an offer ("Eintrag vorschlagen"). Parsed by the
// model's schema before anything is read or stored; a bot that fills the honeypot gets the same
// answer as a person and nothing happens; each client may store a few proposals per hour.

export const PROPOSAL_LIMIT: RateLimit = { scope: 'proposals', max: 5, windowMs: 60 * 60_000 };

const ACCEPTED: ApiResponse = {
  status: 201,
  body: { ok: true, message: 'Vielen Dank! Ihr Vorschlag wird von der Koordination geprüft.' },
};

/** 4xx answers name the field, like the callable functions (model/src/errors.ts). */
export function invalid(fields: Record<string, string>, status = 400): ApiResponse {
  const field = Object.keys(fields)[0] ?? '_';
  return {
    status,
    body: {
      error: 'INVALID_ARGUMENT',
      message: `${ERROR_MESSAGES.INVALID_ARGUMENT} (Feld: ${field})`,
      field,
      fields,
    },
  };
}

/** The JSON body of a request, or an answer refusing it (wrong type, too large, not JSON). */
export function jsonBody(
  req: Request,
  maxBytes: number,
): { body: unknown } | { answer: ApiResponse } {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return {
      answer: {
        status: 415,
        body: {
          error: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'Bitte als JSON senden (Content-Type: application/json).',
          field: '_',
        },
      },
    };
  }
  const size = req.rawBody?.length ?? Buffer.byteLength(JSON.stringify(req.body ?? null));
  if (size > maxBytes) {
    return {
      answer: {
        status: 413,
        body: {
          error: 'PAYLOAD_TOO_LARGE',
          message: `Die Angaben sind zu umfangreich (höchstens ${Math.floor(maxBytes / 1000)} KB).`,
          field: '_',
        },
      },
    };
  }
  // The functions framework has parsed JSON already; a broken body arrives as undefined or text.
  if (req.body === undefined || typeof req.body !== 'object' || req.body === null) {
    return { answer: invalid({ _: 'Die Anfrage enthält kein gültiges JSON.' }) };
  }
  return { body: req.body };
}

export async function handleProposalRequest(req: Request, deps: ApiDeps): Promise<ApiResponse> {
  const read = jsonBody(req, PROPOSAL_BODY_MAX_BYTES);
  if ('answer' in read) return read.answer;
  const parsed = publicProposalInputSchema.safeParse(read.body);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const input = parsed.data;
  // People never see the honeypot; whoever filled it is answered as if all went well.
  if (input[HONEYPOT_FIELD] !== '') {
    logger.info('proposal honeypot filled, dropped');
    return ACCEPTED;
  }

  const network = await deps.db.doc(paths.network(input.networkId)).get();
  if (!network.exists || network.get('public') !== true) {
    return invalid({ networkId: 'Dieses Netzwerk gibt es nicht (mehr).' }, 404);
  }
  if (input.entity === 'offer') {
    const actors = await deps.db.getAll(
      ...input.fields.actorIds.map((id) => deps.db.doc(paths.actor(id))),
    );
    const missing = actors.findIndex((a) => !a.exists || a.get('status') !== 'published');
    if (missing !== -1) {
      return invalid({ [`fields.actorIds.${missing}`]: 'Diesen Akteur gibt es nicht (mehr).' });
    }
  }

  if (!(await takeToken(deps.db, PROPOSAL_LIMIT, clientAddress(req)))) {
    return {
      status: 429,
      body: { error: 'RATE_LIMITED', message: ERROR_MESSAGES.RATE_LIMITED, field: '_' },
    };
  }

  const ref = deps.db.collection(paths.proposals()).doc();
  await ref.set({
    entity: input.entity,
    origin: 'public',
    targetId: null,
    networkIds: [input.networkId],
    fields: input.fields,
    proposer: { name: input.proposer.name, email: input.proposer.email },
    status: 'open',
    note: '',
    submittedAt: FieldValue.serverTimestamp(),
    decidedAt: null,
    decidedBy: null,
  });
  const networkName = String(network.get('name') ?? input.networkId);
  const title = proposalTitle({ fields: input.fields });
  const what = input.entity === 'actor' ? 'einen neuen Akteur' : 'ein neues Angebot';
  await notifyCoordinators(deps, input.networkId, {
    subject: `Neuer Vorschlag für das Verzeichnis: ${title}`,
    paragraphs: [
      'Guten Tag,',
      `über das öffentliche Verzeichnis wurde ${what} für „${networkName}“ vorgeschlagen: „${title}“.`,
      'Der Vorschlag wartet im Eingang der Verwaltung auf Ihre Prüfung.',
    ],
  });
  return ACCEPTED;
}

/**
 * One mail to each coordinator of the network about something waiting in the inbox. A failed
 * notification undoes nothing: the entry waits in the inbox either way.
 */
export async function notifyCoordinators(
  deps: Pick<ApiDeps, 'db' | 'mailer' | 'baseUrl'>,
  networkId: string,
  mail: { subject: string; paragraphs: string[] },
) {
  const members = await deps.db.collection(paths.members(networkId)).get();
  const addresses = [
    ...new Set(members.docs.map((m) => String(m.get('email') ?? '')).filter(Boolean)),
  ];
  if (addresses.length === 0) return;
  const inbox = `${deps.baseUrl}/verwaltung/eingang`;
  const mailer = deps.mailer();
  try {
    for (const to of addresses) {
      await mailer.send({
        to,
        subject: mail.subject,
        text: [...mail.paragraphs, inbox].join('\n\n'),
        html: simpleHtml(mail.paragraphs, { href: inbox, label: 'Zum Eingang' }),
      });
    }
  } catch (error) {
    logger.error('inbox notification failed', error);
  } finally {
    mailer.close();
  }
}
