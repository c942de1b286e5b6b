import { describe, expect, it } from 'vitest';
import { escapeHtml, simpleHtml } from './html.ts';

describe('escapeHtml', () => {
  it('escapes markup so a name cannot inject tags', () => {
    expect(escapeHtml('<b>"Ali" & Co\'s</b>')).toBe(
      '&lt;b&gt;&quot;Ali&quot; &amp; Co&#39;s&lt;/b&gt;',
    );
  });
  it('escapes link targets and labels in the layout', () => {
    const html = simpleHtml(['Hallo <Welt>'], { href: 'https://x.de/?a=1&b="2"', label: 'Öffnen' });
    expect(html).toContain('<p>Hallo &lt;Welt&gt;</p>');
    expect(html).toContain('href="https://x.de/?a=1&amp;b=&quot;2&quot;"');
  });
});
