/** Escaping text into HTML (web pages, e-mail bodies, the HTML report). */
import { escapeHtml } from '../../domain/html';

describe('escapeHtml', () => {
  it('escapes the five characters that could end content or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>Xã La Dêê & Sở "Tài chính"</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Xã La Dêê &amp; Sở &quot;Tài chính&quot;&lt;/a&gt;',
    );
  });

  it('escapes an ampersand first, so an entity in the text stays visible as typed', () => {
    expect(escapeHtml('&lt; 200.000.000 đ')).toBe('&amp;lt; 200.000.000 đ');
  });
});
