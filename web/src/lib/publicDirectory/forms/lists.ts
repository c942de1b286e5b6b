// Lists (Zielgruppen, Sprachen) are typed as "Deutsch, Arabisch" in the public forms.

export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export const joinList = (items: readonly string[]) => items.join(', ');

/** Messages of a list field ("fields.languages.2") shown at its single input ("fields.languages"). */
export function placeListErrors(
  errors: Record<string, string>,
  listPaths: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const list = listPaths.find((p) => path === p || path.startsWith(`${p}.`));
    const key = list ?? path;
    if (!(key in out)) out[key] = message;
  }
  return out;
}
