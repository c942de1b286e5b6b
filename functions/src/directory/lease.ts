import { Timestamp, type DocumentReference, type Firestore } from 'firebase-admin/firestore';

// A lease on one document: whoever creates it may work until it expires or is released. create()
// and deletes with a lastUpdateTime precondition are single atomic writes, so taking and giving
// back the lease never waits on transaction locks (which a burst of triggers would pile up on).

export interface Lease {
  /** Extends the lease; false when it was lost (expired and taken over). */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

const ALREADY_EXISTS = 6;
const FAILED_PRECONDITION = 9;
const NOT_FOUND = 5;

function grpcCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Tries once to take the lease; null when someone else holds a lease that has not expired. */
export async function tryLease(
  db: Firestore,
  path: string,
  durationMs: number,
  now: () => number = Date.now,
): Promise<Lease | null> {
  const ref = db.doc(path);
  const created = await create(ref, durationMs, now);
  if (created) return created;
  const current = await ref.get();
  const expiresAt = current.get('expiresAt') as Timestamp | undefined;
  if (current.exists && expiresAt && expiresAt.toMillis() > now()) return null;
  // Expired (its holder crashed): remove exactly that version, then compete once more.
  if (current.exists) {
    try {
      await ref.delete({ lastUpdateTime: current.updateTime! });
    } catch (error) {
      if (![FAILED_PRECONDITION, NOT_FOUND].includes(grpcCode(error) ?? -1)) throw error;
    }
  }
  return create(ref, durationMs, now);
}

async function create(
  ref: DocumentReference,
  durationMs: number,
  now: () => number,
): Promise<Lease | null> {
  try {
    const result = await ref.create({ expiresAt: Timestamp.fromMillis(now() + durationMs) });
    return held(ref, result.writeTime, durationMs, now);
  } catch (error) {
    if (grpcCode(error) === ALREADY_EXISTS) return null;
    throw error;
  }
}

function held(
  ref: DocumentReference,
  writeTime: Timestamp,
  durationMs: number,
  now: () => number,
): Lease {
  let version = writeTime;
  return {
    async renew() {
      try {
        const result = await ref.update(
          { expiresAt: Timestamp.fromMillis(now() + durationMs) },
          { lastUpdateTime: version },
        );
        version = result.writeTime;
        return true;
      } catch (error) {
        if ([FAILED_PRECONDITION, NOT_FOUND].includes(grpcCode(error) ?? -1)) return false;
        throw error;
      }
    },
    async release() {
      try {
        await ref.delete({ lastUpdateTime: version });
      } catch (error) {
        // Lost to someone else already: theirs now, leave it.
        if (![FAILED_PRECONDITION, NOT_FOUND].includes(grpcCode(error) ?? -1)) throw error;
      }
    },
  };
}
