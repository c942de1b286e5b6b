// Form error plumbing shared by the forms: dotted input paths ("contactPersons.0.email") from
// zod and from the functions become element ids, so each message lands at its field.

/** The element id for a dotted field path. */
export function fieldId(path: string): string {
  return path.replaceAll('.', '-');
}

/** The first path in document order, i.e. the field focus should move to after a failed submit. */
export function firstErrorPath(
  errors: Record<string, string>,
  order: readonly string[],
): string | undefined {
  const keys = Object.keys(errors);
  return order.find((path) => keys.includes(path)) ?? keys[0];
}
