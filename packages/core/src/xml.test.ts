import { describe, expect, it } from 'vitest';
import { XmlFormatError, escapeAttribute, escapeText, parseFlatXml, unescape } from './xml.js';

describe('flat XML', () => {
  it('escapes and unescapes text, attributes and character references', () => {
    expect(escapeText('a<b>&c\r')).toBe('a&lt;b&gt;&amp;c&#xD;');
    expect(escapeAttribute('"x"\t\n')).toBe('&quot;x&quot;&#x9;&#xA;');
    expect(unescape('&lt;&gt;&amp;&quot;&apos;&#65;&#x1F600;', 0)).toBe('<>&"\'A😀');
    expect(() => unescape('&#0;', 0)).toThrow(XmlFormatError);
    expect(() => escapeText('\u0000')).toThrow(TypeError);
  });

  it('reads a root with leaf children, resolving namespaces and nil', () => {
    const doc = parseFlatXml(
      '<r xmlns="urn:a" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><x>1 &amp; 2</x><y i:nil="true"/><z xmlns="urn:b">😀</z></r>',
    );
    expect(doc).toEqual({
      rootLocalName: 'r',
      rootNamespace: 'urn:a',
      children: [
        { localName: 'x', namespace: 'urn:a', text: '1 & 2', nil: false },
        { localName: 'y', namespace: 'urn:a', text: '', nil: true },
        { localName: 'z', namespace: 'urn:b', text: '😀', nil: false },
      ],
    });
  });

  it('reports the offset of the first problem', () => {
    expect(() => parseFlatXml('<r><x>1</y></r>')).toThrow('(at character 9)');
    expect(() => parseFlatXml('<r>\uD800</r>')).toThrow('a character XML forbids (U+d800)');
    expect(() => parseFlatXml('<?xml encoding="utf-8"?><r/>')).toThrow('an XML declaration without a version');
    expect(() => parseFlatXml('<r/><?pi x?>')).toThrow('a processing instruction');
  });
});
