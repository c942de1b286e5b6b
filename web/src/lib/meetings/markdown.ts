// Minutes are written in Markdown and shown as HTML: marked turns it into HTML, DOMPurify removes
// everything that could run or load something (scripts, event handlers, javascript: links,
// iframes, forms). Runs in the browser only (DOMPurify needs the DOM).
import DOMPurify from 'dompurify';
import { marked } from 'marked';

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

/** Safe HTML for {@html}: headings start at h2 (the page has its h1). */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true, breaks: true });
  const shifted = html.replace(
    /<(\/?)h([1-5])\b/g,
    (_m, slash: string, level: string) => `<${slash}h${Number(level) + 1}`,
  );
  return DOMPurify.sanitize(shifted, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|#|\/)/i,
  });
}
