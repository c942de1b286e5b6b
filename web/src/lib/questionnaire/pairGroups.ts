import type { Pairing } from '@knotenpunkt/model';

export interface PairGroup {
  needBy: string;
  category: string;
  offerBy: string[];
}

/**
 * One line per need naming everyone who offers it: the demo's 152 single pairs read as a wall of
 * repeated names. Keeps the order of the pairings.
 */
export function groupPairings(pairs: readonly Pairing[]): PairGroup[] {
  const groups = new Map<string, PairGroup>();
  for (const p of pairs) {
    const key = `${p.needBy}\u0000${p.category}`;
    const group = groups.get(key) ?? { needBy: p.needBy, category: p.category, offerBy: [] };
    group.offerBy.push(p.offerBy);
    groups.set(key, group);
  }
  return [...groups.values()];
}
