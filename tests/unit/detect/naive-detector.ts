/** The detector this project refuses to be: a bare digit regex over every text node. The tests use it to list every long number on a page. */

export interface NaiveMatch {
  digits: string;
  element: Element;
}

const SHOW_TEXT = 0x4;

export function naiveDetect(root: Node): NaiveMatch[] {
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, SHOW_TEXT);
  const matches: NaiveMatch[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || element.closest('script, style, template, textarea, title')) continue;
    for (const match of (node.nodeValue ?? '').matchAll(/\d{6,20}/g)) matches.push({ digits: match[0], element });
  }
  return matches;
}
