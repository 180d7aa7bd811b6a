/**
 * Values a label names: `상담번호 : 1015668177` in one text, or the label in one element and the value at the
 * start of the next (`<dt>상담번호</dt><dd>…</dd>`, `<th>…</th><td>…</td>`, `<b>상담번호</b> 1015668177`).
 */
import { isStandalone, normaliseDigits } from './digit-runs';
import { isElement, isHeaderCellElement, isPageText, isSeparatorOnly, isStructural, isText, textNodes, type TextSpan } from './dom-text';
import type { LabelPatterns } from './labels';

export interface LabelRule {
  patterns: LabelPatterns;
  /** Whether a token shaped like the value really is one (e.g. no leading zero). */
  accept: (value: string) => boolean;
}

/** How many wrappers a label or value may sit in (`<div><label><span>상담번호</span></label></div><div>…</div>`). */
const MAX_CLIMBS = 4;

/** Every value a label in `scope`'s text names, in document order; a value may lie after `scope`. */
export function* labelledValues(scope: Node, rule: LabelRule): Generator<TextSpan> {
  for (const textNode of textNodes(scope)) yield* valuesAfterLabels(textNode, rule);
}

/** The values labels in this one text node name: in the text itself, or in the node after a trailing label. */
export function* valuesAfterLabels(textNode: Text, rule: LabelRule): Generator<TextSpan> {
  const { mentions, withValue, endsWithLabel, onlyLabel } = rule.patterns;
  if (!mentions.test(textNode.data) || !isPageText(textNode)) return;
  const text = normaliseDigits(textNode.data);
  for (const match of text.matchAll(withValue)) {
    const value = match[1] ?? '';
    const end = match.index + match[0].length;
    const start = end - value.length;
    if (isStandalone(text, start, end) && rule.accept(value)) yield { value, textNode, start, end };
  }
  if (endsWithLabel.test(text)) {
    const next = nodeAfterLabel(textNode, onlyLabel);
    const found = next && valueAtStart(next, rule);
    if (found) yield found;
  }
}

/** The value `element` holds when a label stands right before it (for an element added after its label). */
export function valueAfterLabelBefore(element: Element, rule: LabelRule): TextSpan | undefined {
  const { endsWithLabel, onlyLabel } = rule.patterns;
  let node: Element = element;
  for (let climbs = 0; ; climbs++) {
    const previous = meaningfulSibling(node, 'previous');
    if (previous) {
      const text = normaliseDigits(previous.textContent ?? '');
      const isLabel = isText(previous) ? endsWithLabel.test(text) : onlyLabel.test(text);
      return isLabel ? valueAtStart(node, rule) : undefined;
    }
    if (climbs === MAX_CLIMBS || isStructural(node) || !node.parentElement) return undefined;
    node = node.parentElement;
  }
}

/**
 * The node after a label that ends `textNode`. A label-only text may be wrapped in elements holding
 * nothing else; the search climbs out of them, so `<div><b>상담번호</b></div><div>…</div>` works.
 */
function nodeAfterLabel(textNode: Text, onlyLabel: RegExp): Node | undefined {
  const labelOnly = onlyLabel.test(normaliseDigits(textNode.data));
  let node: Node = textNode;
  for (let climbs = 0; ; climbs++) {
    const next = meaningfulSibling(node, 'next');
    if (next) return next;
    const parent: Element | null = node.parentElement;
    if (!labelOnly || climbs === MAX_CLIMBS || (isElement(node) && isStructural(node))) return undefined;
    if (!parent || !onlyLabel.test(normaliseDigits(parent.textContent ?? ''))) return undefined;
    node = parent;
  }
}

/** The nearest sibling that carries content: blank and `:` texts, comments and `<br>` are skipped. */
function meaningfulSibling(node: Node, direction: 'next' | 'previous'): Node | undefined {
  for (let sibling = step(node, direction); sibling; sibling = step(sibling, direction)) {
    if (isText(sibling) ? !isSeparatorOnly(sibling.data) : isElement(sibling) && sibling.tagName !== 'BR') return sibling;
  }
  return undefined;
}

function step(node: Node, direction: 'next' | 'previous'): Node | null {
  return direction === 'next' ? node.nextSibling : node.previousSibling;
}

/** The value at the very start of `node`'s text (after an optional `:`), or nothing. */
function valueAtStart(node: Node, rule: LabelRule): TextSpan | undefined {
  if (isElement(node) && isHeaderCellElement(node)) return undefined;
  for (const textNode of textNodes(node)) {
    if (isSeparatorOnly(textNode.data)) continue;
    const text = normaliseDigits(textNode.data);
    const match = rule.patterns.startsWithValue.exec(text);
    const value = match?.[1];
    if (!match || value === undefined) return undefined;
    const end = match[0].length;
    const start = end - value.length;
    return isStandalone(text, start, end) && rule.accept(value) ? { value, textNode, start, end } : undefined;
  }
  return undefined;
}
