// Salted hashes for what must be recognisable but not readable: erased addresses (suppression
// list) and client addresses (rate limits). The salt is 256 random bits made on first use and kept
// in system/salt, a document no client may read (firestore.rules has no rule for it), so a leaked
// list cannot be reversed by hashing candidate addresses. Each request reads it once.
import { createHmac, randomBytes } from 'node:crypto';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';

const SALT_PATH = 'system/salt';

export async function loadSalt(db: Firestore): Promise<string> {
  const ref = db.doc(SALT_PATH);
  const existing = await ref.get();
  if (existing.exists) return String(existing.get('value'));
  try {
    await ref.create({
      value: randomBytes(32).toString('hex'),
      createdAt: FieldValue.serverTimestamp(),
    });
  } catch (error) {
    // Another instance made it first: use theirs.
    if ((error as { code?: unknown }).code !== 6) throw error;
  }
  return String((await ref.get()).get('value'));
}

/** HMAC-SHA256 (hex) of the parts under the salt. */
export function saltedHash(salt: string, ...parts: string[]): string {
  return createHmac('sha256', salt).update(parts.join('\n'), 'utf8').digest('hex');
}

/** networks/{n}/suppressions/{id}: an erased address, recognisable only with the salt. */
export function suppressionPathWith(salt: string, networkId: string, email: string): string {
  const id = saltedHash(salt, 'suppression', networkId, email.trim().toLowerCase());
  return `networks/${networkId}/suppressions/${id}`;
}

export async function suppressionPath(db: Firestore, networkId: string, email: string) {
  return suppressionPathWith(await loadSalt(db), networkId, email);
}
