// Access (DSGVO Art. 15 and 20): everything stored about the person in the network, as JSON or
// as CSV for a spreadsheet: profile, consents with their texts, deliveries, RSVPs, the
// coordinators' note.
import type { DocumentData, Firestore } from 'firebase-admin/firestore';
import {
  CONSENT_FORM_LABELS,
  CONSENT_PURPOSES,
  CONSENT_PURPOSE_LABELS,
  deliveryIdFor,
  exportInputSchema,
  findConsentText,
  paths,
  type ExportFile,
} from '@knotenpunkt/model';
import { fail, parseOrFail } from '../platform/errors.ts';
import type { SubscriberDeps } from './deps.ts';
import { consentsOf, jsonSafe } from './record.ts';
import { redeemToken } from './tokens.ts';

async function collect(db: Firestore, networkId: string, subscriberId: string, data: DocumentData) {
  const email = String(data.email);
  const [network, meetings, mailings] = await Promise.all([
    db.doc(paths.network(networkId)).get(),
    db.collection(paths.meetings(networkId)).select('title', 'start').get(),
    db.collection(paths.mailings(networkId)).select('subject').get(),
  ]);
  const rsvpRefs = meetings.docs.map((m) => db.doc(paths.rsvp(networkId, m.id, subscriberId)));
  const deliveryRefs = await Promise.all(
    mailings.docs.map(async (m) =>
      db.doc(paths.delivery(networkId, m.id, await deliveryIdFor(m.id, email))),
    ),
  );
  const [rsvps, deliveries] = await Promise.all([
    rsvpRefs.length ? db.getAll(...rsvpRefs) : Promise.resolve([]),
    deliveryRefs.length ? db.getAll(...deliveryRefs) : Promise.resolve([]),
  ]);
  const meetingOf = new Map(meetings.docs.map((m) => [m.id, m]));
  const mailingOf = new Map(mailings.docs.map((m) => [m.id, m]));
  const consents = consentsOf(data);
  return {
    network: { id: networkId, name: String(network.get('name') ?? networkId) },
    profile: {
      email,
      name: data.name ?? '',
      organisation: data.organisation ?? '',
      interests: data.interests ?? [],
      status: data.status,
      purposes: data.purposes,
      volunteer: data.volunteer ?? null,
      requestedAt: data.requestedAt ?? null,
      createdAt: data.createdAt ?? null,
      updatedAt: data.updatedAt ?? null,
      unsubscribedAt: data.unsubscribedAt ?? null,
      bouncedAt: data.bouncedAt ?? null,
    },
    consents: CONSENT_PURPOSES.flatMap((purpose) => {
      const record = consents[purpose];
      if (!record) return [];
      return [
        {
          purpose,
          label: CONSENT_PURPOSE_LABELS[purpose],
          ...record,
          formLabel: CONSENT_FORM_LABELS[record.form] ?? record.form,
          text: findConsentText(purpose, record.textVersion)?.text ?? '',
        },
      ];
    }),
    coordinatorNote: data.contactNote ?? null,
    deliveries: deliveries
      .filter((d) => d.exists)
      .map((d) => {
        const mailingId = d.ref.parent.parent?.id ?? '';
        return {
          mailingId,
          subject: String(mailingOf.get(mailingId)?.get('subject') ?? ''),
          status: d.get('status'),
          sentAt: d.get('sentAt') ?? null,
        };
      }),
    rsvps: rsvps
      .filter((r) => r.exists)
      .map((r) => {
        const meetingId = r.ref.parent.parent?.id ?? '';
        const meeting = meetingOf.get(meetingId);
        return {
          meetingId,
          meeting: String(meeting?.get('title') ?? ''),
          start: meeting?.get('start') ?? null,
          answer: r.get('answer') ?? null,
          waitlisted: r.get('waitlisted') ?? false,
          persons: r.get('persons') ?? null,
          comment: r.get('comment') ?? '',
          answeredAt: r.get('answeredAt') ?? null,
        };
      }),
  };
}

// ---------------------------------------------------------------- CSV (German Excel: BOM, ";")

const FORMULA_START = /^[=@\t\r]|^[+-].*[^\d\s()/+-]/s;

function cell(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ''
      : Array.isArray(value)
        ? value.join(', ')
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function rowsOf(prefix: string, value: unknown, out: string[][]) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value))
      rowsOf(prefix ? `${prefix}.${key}` : key, inner, out);
  } else {
    out.push([prefix, cell(value)]);
  }
}

export function toCsv(data: Record<string, unknown>): string {
  const rows: string[][] = [];
  for (const [section, value] of Object.entries(data)) {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        const inner: string[][] = [];
        rowsOf('', item, inner);
        for (const [field, v] of inner) rows.push([`${section} ${i + 1}`, field ?? '', v ?? '']);
      });
    } else {
      const inner: string[][] = [];
      rowsOf('', value, inner);
      for (const [field, v] of inner) rows.push([section, field ?? '', v ?? '']);
    }
  }
  const lines = [
    ['Bereich', 'Feld', 'Wert'],
    ...rows.map(([a, b, c]) => [cell(a), cell(b), c ?? '']),
  ];
  return `\uFEFF${lines.map((l) => l.join(';')).join('\r\n')}\r\n`;
}

export async function handleExport(body: unknown, deps: SubscriberDeps): Promise<ExportFile> {
  const input = parseOrFail(exportInputSchema, body);
  const link = await redeemToken(deps.db, input.token, ['preferences'], deps.now());
  const snap = await deps.db.doc(link.targetPath).get();
  if (!snap.exists) fail('TOKEN_INVALID', { field: 'token' });
  const subscriberId = snap.id;
  const collected = jsonSafe(
    await collect(deps.db, link.networkId, subscriberId, snap.data() ?? {}),
  ) as Record<string, unknown>;
  const data = { exportedAt: deps.now().toISOString(), ...collected };
  const day = deps.now().toISOString().slice(0, 10);
  return input.format === 'json'
    ? {
        filename: `meine-daten-${link.networkId}-${day}.json`,
        contentType: 'application/json;charset=utf-8',
        content: JSON.stringify(data, null, 2),
      }
    : {
        filename: `meine-daten-${link.networkId}-${day}.csv`,
        contentType: 'text/csv;charset=utf-8',
        content: toCsv(data),
      };
}
