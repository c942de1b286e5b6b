import { describe, expect, it } from 'vitest';
import { htmlDocument, renderHtml, renderSubject, renderText, textToHtml } from './render.ts';

const vars = { name: 'Ayşe <b>Öz</b> & "Co"', netzwerk: 'Netzwerk Hemerfeld' };

describe('template rendering', () => {
  it('fills placeholders as they are into the text part', () => {
    expect(renderText('Guten Tag {{name}}, {{ netzwerk }} lädt ein.', vars)).toBe(
      'Guten Tag Ayşe <b>Öz</b> & "Co", Netzwerk Hemerfeld lädt ein.',
    );
  });

  it('escapes placeholder values in the HTML part but keeps the template markup', () => {
    expect(renderHtml('<p>Guten Tag <strong>{{name}}</strong></p>', vars)).toBe(
      '<p>Guten Tag <strong>Ayşe &lt;b&gt;Öz&lt;/b&gt; &amp; &quot;Co&quot;</strong></p>',
    );
  });

  it('escapes a value inside an attribute so it cannot close the attribute', () => {
    expect(renderHtml('<a href="{{url}}">x</a>', { url: '" onclick="alert(1)' })).toBe(
      '<a href="&quot; onclick=&quot;alert(1)">x</a>',
    );
  });

  it('leaves placeholders without a value empty and ignores inherited names', () => {
    expect(renderText('{{unbekannt}}|{{constructor}}|{{toString}}', {})).toBe('||');
  });

  it('does not fill placeholders that appear inside a value', () => {
    expect(renderText('{{name}}', { name: '{{netzwerk}}', netzwerk: 'X' })).toBe('{{netzwerk}}');
  });
});

describe('subjects', () => {
  it('turn line breaks from a value or the template into spaces, so no header can be added', () => {
    const subject = renderSubject('Einladung für {{name}}\r\nBcc: a@example.org', {
      name: 'Anna\r\nBcc: evil@example.org',
    });
    expect(subject).toBe('Einladung für Anna Bcc: evil@example.org Bcc: a@example.org');
    expect(subject).not.toMatch(/[\r\n]/);
  });
});

describe('textToHtml', () => {
  it('makes paragraphs at blank lines, keeps single line breaks and escapes everything', () => {
    expect(textToHtml('Hallo <Team>,\nzweite Zeile\n\nAbsatz & Ende')).toBe(
      '<p>Hallo &lt;Team&gt;,<br>\nzweite Zeile</p>\n<p>Absatz &amp; Ende</p>',
    );
  });

  it('links web addresses but not the punctuation after them', () => {
    expect(textToHtml('Mehr unter https://example.org/a?b=1&c=2.')).toBe(
      '<p>Mehr unter <a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>.</p>',
    );
  });
});

describe('htmlDocument', () => {
  it('wraps content in a German HTML document with the footer below it', () => {
    const html = htmlDocument('<p>Inhalt</p>', 'Fußzeile');
    expect(html).toMatch(/^<!doctype html><html lang="de">/);
    expect(html.indexOf('Inhalt')).toBeLessThan(html.indexOf('Fußzeile'));
  });

  it('puts the footer inside a template that is already a full document', () => {
    const html = htmlDocument('<html><body><p>Inhalt</p></body></html>', 'Fußzeile');
    expect(html).toMatch(/Fußzeile<\/div><\/body><\/html>$/);
  });
});
