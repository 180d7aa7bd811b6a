/** Loading the Wing-like fixture pages and reading the expectations marked in them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Detection } from '@/utils/detect/detection';
import { normaliseDigits } from '@/utils/detect/digit-runs';

export const FIXTURE_NAMES = ['list-table', 'split-header', 'aria-grid', 'labels', 'decoys', 'xhr-rows'] as const;

export function loadFixture(name: string): Document {
  // import.meta.dirname, not new URL(…, import.meta.url): under happy-dom, URL is the DOM's and mis-resolves file: URLs.
  const html = readFileSync(join(import.meta.dirname, '../../fixtures/wing', `${name}.html`), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

/** `ID @ path` for every ID an element under `root` is marked with (`data-expect-id`, space-separated). */
export function expectedIn(root: ParentNode): string[] {
  const marked = [...(root instanceof Element && root.matches('[data-expect-id]') ? [root] : []), ...root.querySelectorAll('[data-expect-id]')];
  return marked.flatMap((element) => (element.getAttribute('data-expect-id') ?? '').split(/\s+/).map((id) => `${id} @ ${pathOf(element)}`)).sort();
}

export function describeDetections(detections: readonly Detection[]): string[] {
  return detections.map((d) => `${d.id} @ ${pathOf(d.element)}`).sort();
}

/** The characters a detection points at, with full-width digits made ASCII. */
export function pointedText(detection: Detection): string | undefined {
  const { textNode, start, end } = detection;
  return textNode && normaliseDigits(textNode.data.slice(start, end));
}

/** A readable, unique address: `body > section:nth-child(2) > p:nth-child(1)`. */
export function pathOf(element: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = element; node && node.tagName !== 'HTML'; node = node.parentElement) {
    const index = node.parentElement ? [...node.parentElement.children].indexOf(node) + 1 : 1;
    steps.unshift(`${node.tagName.toLowerCase()}:nth-child(${index})`);
  }
  return steps.join(' > ');
}

/**
 * What an XHR would add: each `<template data-xhr-rows="selector">`'s elements, for appending to its target.
 * Rows are written inside `<table><tbody>` in the template, which every HTML parser (happy-dom's too) keeps.
 */
export function xhrBatches(document: Document): { target: Element; nodes: Element[] }[] {
  return [...document.querySelectorAll('template[data-xhr-rows]')].map((template) => {
    const target = document.querySelector(template.getAttribute('data-xhr-rows') ?? '');
    if (!target) throw new Error(`no target for ${template.getAttribute('data-xhr-rows')}`);
    const content = (template as HTMLTemplateElement).content.cloneNode(true) as DocumentFragment;
    const holder = content.querySelector('tbody') ?? content;
    const nodes = [...holder.children];
    return { target, nodes };
  });
}
