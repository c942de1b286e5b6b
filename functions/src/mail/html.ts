const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Wraps paragraphs of plain text into the simple HTML layout every mail uses. */
export function simpleHtml(
  paragraphs: string[],
  link?: { href: string; label: string },
  after: string[] = [],
): string {
  const para = (p: string) => `<p>${escapeHtml(p)}</p>`;
  const body = paragraphs.map(para).join('\n');
  const button = link
    ? `<p><a href="${escapeHtml(link.href)}" style="display:inline-block;padding:10px 16px;background:#0b5c4a;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(link.label)}</a></p>`
    : '';
  return `<!doctype html><html lang="de"><body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">${body}${button}${after.map(para).join('\n')}</body></html>`;
}
