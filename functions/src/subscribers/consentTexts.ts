// The consent texts of model/src/consent.ts, stored once per version as consentTexts/{id} so the
// proof of consent points at a document that never changes. A text edited in the code without a
// new version is refused loudly instead of being recorded under the old version's hash.
import type { Firestore } from 'firebase-admin/firestore';
import {
  CONSENT_TEXTS,
  consentTextDocument,
  consentTextPath,
  findConsentText,
  sha256Hex,
  type ConsentPurpose,
} from '@knotenpunkt/model';

const stored = new WeakMap<Firestore, Promise<void>>();

async function storeAll(db: Firestore, now: Date): Promise<void> {
  await Promise.all(
    CONSENT_TEXTS.map(async (draft) => {
      const ref = db.doc(consentTextPath(draft.purpose, draft.version));
      const doc = await consentTextDocument(draft, now);
      const snap = await ref.get();
      if (snap.exists) {
        if (snap.get('textHash') !== doc.textHash) {
          throw new Error(
            `Der Einwilligungstext ${ref.id} wurde geändert, ohne eine neue Fassung anzulegen. ` +
              'Veröffentlichte Texte dürfen nicht geändert werden (model/src/consent.ts).',
          );
        }
        return;
      }
      try {
        await ref.create(doc);
      } catch (error) {
        if ((error as { code?: unknown }).code !== 6) throw error; // created meanwhile
      }
    }),
  );
}

/** Makes sure every text version is stored, once per process. */
export function ensureConsentTexts(db: Firestore, now: Date = new Date()): Promise<void> {
  let done = stored.get(db);
  if (!done) {
    done = storeAll(db, now).catch((error: unknown) => {
      stored.delete(db);
      throw error;
    });
    stored.set(db, done);
  }
  return done;
}

/** Version and SHA-256 of a text someone was shown; undefined for an unknown version. */
export async function consentProof(purpose: ConsentPurpose, version: string) {
  const draft = findConsentText(purpose, version);
  if (!draft) return undefined;
  return { textVersion: draft.version, textHash: await sha256Hex(draft.text) };
}
