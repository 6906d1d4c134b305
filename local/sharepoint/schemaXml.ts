// A small parser/writer for SharePoint Field/View schema XML (CAML). Enough for <Field …> with
// child elements such as <Default>, <CHOICES><CHOICE>, <Formula>; not a general XML parser.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    const l = e.toLowerCase();
    if (l === 'amp') return '&';
    if (l === 'lt') return '<';
    if (l === 'gt') return '>';
    if (l === 'quot') return '"';
    if (l === 'apos') return "'";
    if (l.startsWith('#x')) return String.fromCodePoint(parseInt(l.slice(2), 16));
    return String.fromCodePoint(parseInt(l.slice(1), 10));
  });
}

export function encodeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Parses one XML element (and its descendants). Throws Error on malformed input. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const s = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  function skipWs(): void {
    while (i < s.length && /\s/.test(s[i])) i++;
  }
  function parseElement(): XmlElement {
    skipWs();
    if (s[i] !== '<') throw new Error('Expected <');
    i++;
    const nameMatch = /^[A-Za-z_][\w:.-]*/.exec(s.slice(i));
    if (!nameMatch) throw new Error('Expected element name');
    const name = nameMatch[0];
    i += name.length;
    const attrs: Record<string, string> = {};
    for (;;) {
      skipWs();
      if (s.startsWith('/>', i)) {
        i += 2;
        return { name, attrs, children: [], text: '' };
      }
      if (s[i] === '>') {
        i++;
        break;
      }
      const am = /^([A-Za-z_][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(s.slice(i));
      if (!am) throw new Error('Malformed attribute');
      attrs[am[1]] = decodeXml(am[3] ?? am[4] ?? '');
      i += am[0].length;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (i >= s.length) throw new Error(`Unclosed element ${name}`);
      if (s.startsWith('</', i)) {
        const close = /^<\/([\w:.-]+)\s*>/.exec(s.slice(i));
        if (!close || close[1] !== name) throw new Error(`Mismatched closing tag for ${name}`);
        i += close[0].length;
        return { name, attrs, children, text: decodeXml(text) };
      }
      if (s.startsWith('<![CDATA[', i)) {
        const end = s.indexOf(']]>', i);
        if (end < 0) throw new Error('Unclosed CDATA');
        text += s.slice(i + 9, end).replace(/&/g, '&amp;').replace(/</g, '&lt;');
        i = end + 3;
        continue;
      }
      if (s[i] === '<') {
        children.push(parseElement());
        continue;
      }
      const next = s.indexOf('<', i);
      const end = next < 0 ? s.length : next;
      text += s.slice(i, end);
      i = end;
    }
  }
  const root = parseElement();
  skipWs();
  if (i < s.length) throw new Error('Trailing content after root element');
  return root;
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  const l = name.toLowerCase();
  return el.children.find((c) => c.name.toLowerCase() === l);
}

/** Serialises an element back to XML (attributes in insertion order). */
export function writeXml(el: XmlElement): string {
  const attrs = Object.entries(el.attrs).map(([k, v]) => ` ${k}="${encodeXml(v)}"`).join('');
  if (el.children.length === 0 && el.text === '') return `<${el.name}${attrs} />`;
  return `<${el.name}${attrs}>${encodeXml(el.text).replace(/&quot;/g, '"')}${el.children.map(writeXml).join('')}</${el.name}>`;
}
