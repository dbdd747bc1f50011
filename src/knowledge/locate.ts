import { isNode, LineCounter, parseDocument } from 'yaml';

/**
 * The line and column (1-based) of a dotted field path such as "people.2.role.en" in
 * a YAML text, so messages can say `people.yaml:14:7` and editors jump there. A field
 * that is missing points at the nearest part of the path that exists.
 */
export function locateField(text: string, field: string): { line: number; column: number } | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const path = field === '' ? [] : field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) {
      // For a key/value pair the value's node is found; its start is where to look.
      const position = lineCounter.linePos(node.range[0]);
      return { line: position.line, column: position.col };
    }
  }
  return undefined;
}
