// Small immutable list helpers for the repeatable form rows (contact persons, fields of action).

/** Returns a copy with the item at `from` moved by `offset` places; out-of-range moves are no-ops. */
export function moveItem<T>(items: readonly T[], from: number, offset: number): T[] {
  const to = from + offset;
  const copy = [...items];
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return copy;
  const [item] = copy.splice(from, 1) as [T];
  copy.splice(to, 0, item);
  return copy;
}

/** Returns a copy without the item at `index`. */
export function removeItem<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}
