// Shared by the mailing suites: a network of their own and mailings written as a coordinator's
// data layer (or a feature) would write them, through the model's schemas.
import {
  initialMailingProgress,
  mailingInputSchema,
  mailingSchema,
  paths,
  type MailingInput,
  type MailingProgress,
  type MailingStatus,
} from '@knotenpunkt/model';
import { adminDb, eventually } from '../support/admin.ts';

export const NETWORK = 'versand-test';
export const NETWORK_NAME = 'Netzwerk Versandprobe';

export async function ensureNetwork() {
  const now = new Date();
  await adminDb.doc(paths.network(NETWORK)).set({
    name: NETWORK_NAME,
    slug: NETWORK,
    region: 'Testkreis',
    description: '',
    contactPersons: [
      { name: 'Kim Koordination', role: '', phone: '', email: 'koordination@versand.test' },
    ],
    fieldsOfAction: [],
    public: false,
    createdAt: now,
    updatedAt: now,
  });
}

let counter = 0;
/** A fresh mailing id per call, unique across runs (the Tasks emulator remembers task names). */
export const newMailingId = (label: string) => `${label}-${Date.now().toString(36)}-${++counter}`;

export function testRecipients(prefix: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    email: `${prefix}-${String(i).padStart(4, '0')}@versand.test`,
    name: `Empfänger/in ${i}`,
  }));
}

export async function writeMailing(
  id: string,
  input: Partial<MailingInput>,
  status: MailingStatus,
  progress: Partial<MailingProgress> = {},
) {
  const now = new Date();
  const content = mailingInputSchema.parse({
    purpose: 'information',
    subject: 'Neues aus dem Netzwerk für {{name}}',
    bodyText: 'Guten Tag {{name}},\n\ndas {{netzwerk}} informiert.',
    recipients: { source: 'test', recipients: testRecipients(id, 3) },
    ...input,
  });
  const doc = mailingSchema.parse({
    ...content,
    status,
    progress: { ...initialMailingProgress(), ...progress },
    createdAt: now,
    updatedAt: now,
    updatedBy: 'test',
  });
  await adminDb.doc(paths.mailing(NETWORK, id)).set(doc);
  return doc;
}

export async function readMailing(id: string) {
  const snap = await adminDb.doc(paths.mailing(NETWORK, id)).get();
  return snap.data() as { status: MailingStatus; progress: Record<string, unknown> } | undefined;
}

/** Waits until the mailing reaches the status (and its figures are final). */
export function untilStatus(id: string, status: MailingStatus, timeoutMs = 60_000) {
  return eventually(async () => {
    const m = await readMailing(id);
    return m?.status === status ? m : undefined;
  }, timeoutMs);
}

export async function deliveriesOf(id: string) {
  const snap = await adminDb.collection(paths.deliveries(NETWORK, id)).get();
  return snap.docs.map((d) => ({ id: d.id, ...(d.data() as Record<string, unknown>) })) as Array<{
    id: string;
    address: string;
    status: string;
    attempts: number;
    lastAnswer: string;
    messageId: string;
    leaseId: string;
  }>;
}

/** How often each address occurs among the given recipient lists. */
export function tally(addresses: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of addresses) counts.set(a, (counts.get(a) ?? 0) + 1);
  return counts;
}
