// A small strict XML reader for tests and the benchmark: it refuses anything not well-formed
// (unbalanced or crossed tags, a bare & or <, unknown entities, duplicate attributes, two roots)
// and returns a tree to query. No XML library is a dependency of the project.

export type XmlElement = {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, at: number): string {
  return text.replace(/&([^;]*);|&/g, (match, entity: string | undefined) => {
    if (entity === undefined) throw new Error(`bare & near ${at}`);
    if (entity in ENTITIES) return ENTITIES[entity] as string;
    const code = /^#x[0-9a-fA-F]+$/.test(entity)
      ? Number.parseInt(entity.slice(2), 16)
      : /^#\d+$/.test(entity)
        ? Number(entity.slice(1))
        : Number.NaN;
    if (Number.isNaN(code)) throw new Error(`unknown entity ${match} near ${at}`);
    return String.fromCodePoint(code);
  });
}

export function parseXml(xml: string): XmlElement {
  let i = xml.startsWith('\uFEFF') ? 1 : 0;
  if (xml.startsWith('<?xml', i)) {
    const end = xml.indexOf('?>', i);
    if (end < 0) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = lt < 0 ? xml.slice(i) : xml.slice(i, lt);
    if (text.includes('>')) throw new Error(`bare > near ${i}`);
    const current = stack[stack.length - 1];
    if (current) current.text += decode(text, i);
    else if (text.trim()) throw new Error(`text outside the root near ${i}`);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new Error(`unterminated tag near ${lt}`);
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name)
        throw new Error(`</${name}> does not close <${open?.name}> near ${lt}`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const match = /^([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*$/.exec(
      body,
    );
    if (!match) throw new Error(`malformed tag <${tag}> near ${lt}`);
    const element: XmlElement = { name: match[1] as string, attributes: {}, children: [], text: '' };
    for (const a of (match[2] ?? '').matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const key = a[1] as string;
      if (key in element.attributes) throw new Error(`duplicate attribute ${key} near ${lt}`);
      element.attributes[key] = decode(a[2] ?? a[3] ?? '', lt);
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) throw new Error('more than one root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1]?.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element with `name` anywhere under `element`. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((c) => [...(c.name === name ? [c] : []), ...findAll(c, name)]);
}

/** The text of the only element at `path` (names separated by /), or an error. */
export function textAt(element: XmlElement, path: string): string {
  let current = element;
  for (const name of path.split('/')) {
    const next = current.children.filter((c) => c.name === name);
    if (next.length !== 1) throw new Error(`${path}: ${next.length} <${name}> elements`);
    current = next[0] as XmlElement;
  }
  return current.text;
}
