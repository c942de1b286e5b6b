// Suggests a URL slug ("netzwerk-hemer") from a network's name. The admin can still edit it; the
// model's slug schema has the final word.

const MAX_LENGTH = 60;

const REPLACEMENTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

export function suggestSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[äöüß]/g, (char) => REPLACEMENTS[char] ?? char)
    // Other accents (é, ç, ł …): decompose, then drop the combining marks.
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, MAX_LENGTH).replace(/-+$/, '');
}
