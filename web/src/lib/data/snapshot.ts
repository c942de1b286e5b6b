// Shared pieces for full-SDK listeners: data with estimated server timestamps (a local write
// shows at once instead of with a null updatedAt) and the id/path/data triple parse.ts expects.
import type { DocumentSnapshot, QuerySnapshot } from 'firebase/firestore';

export function docData(snap: DocumentSnapshot): unknown {
  return snap.data({ serverTimestamps: 'estimate' });
}

export function queryDocs(snap: QuerySnapshot): { id: string; path: string; data: unknown }[] {
  return snap.docs.map((d) => ({ id: d.id, path: d.ref.path, data: docData(d) }));
}
