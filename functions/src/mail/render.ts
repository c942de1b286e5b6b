// Templates with per-recipient placeholders ({{name}}), rendered for each part of a mail: values
// are inserted as they are into the text part, HTML-escaped into the HTML part, and stripped of
// line breaks in the subject, so no value (and no template) can add markup or a header.
import { PLACEHOLDER_PATTERN } from '@knotenpunkt/model';
import { escapeHtml } from './html.ts';
import { headerSafe } from './transport.ts';

export type TemplateVars = Readonly<Record<string, string>>;

/** Replaces each {{name}}; names without a value become empty (forms refuse unknown names). */
function fill(template: string, vars: TemplateVars, encode: (value: string) => string): string {
  return template.replace(PLACEHOLDER_PATTERN, (_match, name: string) =>
    encode(Object.hasOwn(vars, name) ? (vars[name] ?? '') : ''),
  );
}

export function renderText(template: string, vars: TemplateVars): string {
  return fill(template, vars, (value) => value);
}

export function renderHtml(template: string, vars: TemplateVars): string {
  return fill(template, vars, escapeHtml);
}

export function renderSubject(template: string, vars: TemplateVars): string {
  return headerSafe(
    fill(template, vars, (value) => value),
    998,
  );
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)]/g;

/** Plain text as HTML: escaped, paragraphs at blank lines, line breaks kept, links clickable. */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const escaped = escapeHtml(p).replace(URL_PATTERN, (url) => `<a href="${url}">${url}</a>`);
      return `<p>${escaped.replace(/\n/g, '<br>\n')}</p>`;
    })
    .join('\n');
}

const BODY_STYLE = 'font-family:sans-serif;line-height:1.5;color:#1a1a1a;max-width:40em';
const FOOTER_STYLE =
  'margin-top:2em;padding-top:1em;border-top:1px solid #ccc;font-size:0.9em;color:#555';

/** The layout every bulk mail uses: content, then the footer; a full HTML document stays one. */
export function htmlDocument(contentHtml: string, footerHtml: string): string {
  const footer = `<div style="${FOOTER_STYLE}">${footerHtml}</div>`;
  if (/<\/body>/i.test(contentHtml)) return contentHtml.replace(/<\/body>/i, `${footer}</body>`);
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"></head><body style="${BODY_STYLE}">${contentHtml}${footer}</body></html>`;
}
