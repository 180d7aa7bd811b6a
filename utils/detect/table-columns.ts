/**
 * The cells of a row that sit under a 상담번호 / 문의번호 / Inquiry ID header (or one the seller added), in HTML
 * tables (header in the same table, or in a separate sticky-header table before it) and in ARIA grids
 * (div-based too).
 */
import { documentOf, headerCaptions, isElement, isStructural } from './dom-text';
import { isInquiryIdLabel } from './labels';

/** Per-call memory, so a table's header is read once however many of its rows are looked at. */
export interface ColumnMemo {
  /** Whether a header caption names the ID (the built-in labels, and the seller's: labels.ts). */
  isLabel: (text: string) => boolean;
  /** Table or grid → the columns headed by an inquiry-ID label (HTML: 0-based start; ARIA: 1-based index). */
  columns: Map<Element, ReadonlySet<number>>;
  /** Table section → the width of its first row. */
  sectionWidths: Map<Element, number>;
  /** Table section with row-spanning cells → where each of its cells starts. */
  sectionStarts: Map<Element, Map<Element, number>>;
}

export function createColumnMemo(isLabel: (text: string) => boolean = isInquiryIdLabel): ColumnMemo {
  return { isLabel, columns: new Map(), sectionWidths: new Map(), sectionStarts: new Map() };
}

const GRID_SELECTOR = '[role=grid],[role=table],[role=treegrid]';
const SECTION_TAGS = new Set(['THEAD', 'TBODY', 'TFOOT']);
const ARIA_CELL_ROLES = new Set(['gridcell', 'cell', 'rowheader']);
const NO_COLUMNS: ReadonlySet<number> = new Set();
/** NodeFilter.SHOW_ELEMENT, spelt out so no global is needed. */
const SHOW_ELEMENT = 0x1;
/** How far up and back to look for a sticky header table or header grid (wrapper divs of grid libraries). */
const HEADER_SEARCH_LEVELS = 4;
const HEADER_SEARCH_SIBLINGS = 3;

/** `row` is a `<tr>` or a `role=row` element; `root` bounds the search for a separate header. */
export function inquiryCells(row: Element, root: Node, memo: ColumnMemo): Element[] {
  return row.tagName === 'TR' ? htmlInquiryCells(row, root, memo) : ariaInquiryCells(row, root, memo);
}

/** A header cell whose caption is an inquiry-ID label. */
function isHeaderCell(cell: Element, isLabel: ColumnMemo['isLabel']): boolean {
  const [whole, first] = headerCaptions(cell);
  return isLabel(whole) || isLabel(first);
}

// ---- HTML tables ----

function htmlInquiryCells(row: Element, root: Node, memo: ColumnMemo): Element[] {
  const table = row.closest('table');
  const cells = cellsOf(row);
  if (!table || row.parentElement?.tagName === 'THEAD' || cells.every((cell) => cell.tagName === 'TH')) return [];
  let columns = memo.columns.get(table);
  if (!columns) {
    columns = htmlColumns(table, root, memo.isLabel);
    memo.columns.set(table, columns);
  }
  if (columns.size === 0) return [];
  const starts = rowStarts(row, cells, memo);
  return cells.filter((cell, index) => columns.has(starts[index] ?? -1) && colspan(cell) === 1);
}

function htmlColumns(table: Element, root: Node, isLabel: ColumnMemo['isLabel']): ReadonlySet<number> {
  const ownHeader = headerRows(table);
  if (ownHeader.length > 0) return labelledColumns(ownHeader, isLabel);
  const headerTable = precedingHeader(table, root, (candidate) => {
    const found = candidate.tagName === 'TABLE' ? candidate : candidate.querySelector('table');
    return found && headerRows(found).length > 0 ? found : undefined;
  });
  if (!headerTable) return NO_COLUMNS;
  const header = headerRows(headerTable);
  const bodyWidth = widthOf(firstBodyRow(table));
  const headerWidth = gridStarts(header).width;
  // Grid libraries add one header cell over the body's scrollbar; any other mismatch means another table's header.
  if (headerWidth !== bodyWidth && headerWidth !== bodyWidth + 1) return NO_COLUMNS;
  return labelledColumns(header, isLabel);
}

/** Rows of the table itself (not of tables nested in its cells), lazily: a body may hold thousands. */
function* ownRows(table: Element): Generator<Element> {
  for (let child = table.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName === 'TR') yield child;
    else if (SECTION_TAGS.has(child.tagName)) yield* rowsOf(child);
  }
}

function* rowsOf(section: Element): Generator<Element> {
  for (let row = section.firstElementChild; row; row = row.nextElementSibling) if (row.tagName === 'TR') yield row;
}

/** `<thead>` rows, or else the leading rows made only of `<th>` cells. */
function headerRows(table: Element): Element[] {
  const inHead = [...table.children].filter((child) => child.tagName === 'THEAD').flatMap((head) => [...rowsOf(head)]);
  if (inHead.length > 0) return inHead;
  const leading: Element[] = [];
  for (const row of ownRows(table)) {
    const cells = cellsOf(row);
    if (cells.length === 0 || cells.some((cell) => cell.tagName !== 'TH')) break;
    leading.push(row);
  }
  return leading;
}

function firstBodyRow(table: Element): Element | undefined {
  for (const row of ownRows(table)) if (row.parentElement?.tagName !== 'THEAD') return row;
  return undefined;
}

function labelledColumns(header: Element[], isLabel: ColumnMemo['isLabel']): ReadonlySet<number> {
  const { starts } = gridStarts(header);
  const columns = new Set<number>();
  for (const [cell, start] of starts) if (colspan(cell) === 1 && isHeaderCell(cell, isLabel)) columns.add(start);
  return columns;
}

function cellsOf(row: Element): Element[] {
  const cells: Element[] = [];
  for (let child = row.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName === 'TD' || child.tagName === 'TH') cells.push(child);
  }
  return cells;
}

function colspan(cell: Element): number {
  return spanAttribute(cell, 'colspan', 1000) || 1;
}

/** HTML's limits; rowspan 0 means "to the end of the section". */
function spanAttribute(cell: Element, name: string, max: number): number {
  const attribute = cell.getAttribute(name);
  if (attribute === null) return 1;
  const value = Number.parseInt(attribute, 10);
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), max) : 1;
}

function widthOf(row: Element | undefined): number {
  return row ? cellsOf(row).reduce((sum, cell) => sum + colspan(cell), 0) : 0;
}

/**
 * Where each of `row`'s cells starts. A row as wide as its section's first row has no cell of an earlier
 * row reaching into it, so its own colspans place it; only rows shortened by a rowspan need the section.
 */
function rowStarts(row: Element, cells: Element[], memo: ColumnMemo): number[] {
  let column = 0;
  const starts = cells.map((cell) => {
    const start = column;
    column += colspan(cell);
    return start;
  });
  const section = row.parentElement;
  if (!section || column >= sectionWidth(section, memo)) return starts;
  let sectionStarts = memo.sectionStarts.get(section);
  if (!sectionStarts) {
    sectionStarts = gridStarts([...rowsOf(section)]).starts;
    memo.sectionStarts.set(section, sectionStarts);
  }
  return cells.map((cell) => sectionStarts.get(cell) ?? -1);
}

/** The width of a section's first row, which no rowspan can shorten. */
function sectionWidth(section: Element, memo: ColumnMemo): number {
  let width = memo.sectionWidths.get(section);
  if (width === undefined) {
    const [firstRow] = rowsOf(section);
    width = widthOf(firstRow);
    memo.sectionWidths.set(section, width);
  }
  return width;
}

/** HTML's table-forming algorithm for colspan and rowspan, restricted to what column positions need. */
function gridStarts(rows: Element[]): { starts: Map<Element, number>; width: number } {
  const starts = new Map<Element, number>();
  let covered: number[] = []; // per column: how many more rows a cell from above still covers
  let width = 0;
  rows.forEach((row, index) => {
    const next = covered.map((rowsLeft) => Math.max(rowsLeft - 1, 0));
    let column = 0;
    for (const cell of cellsOf(row)) {
      while ((covered[column] ?? 0) > 0) column++;
      starts.set(cell, column);
      const span = colspan(cell);
      const rowspan = spanAttribute(cell, 'rowspan', 65534);
      const rowsBelow = rowspan === 0 ? rows.length - index - 1 : rowspan - 1;
      for (let c = column; c < column + span; c++) next[c] = Math.max(next[c] ?? 0, rowsBelow);
      column += span;
    }
    width = Math.max(width, column);
    covered = next;
  });
  return { starts, width };
}

// ---- ARIA grids ----

function ariaInquiryCells(row: Element, root: Node, memo: ColumnMemo): Element[] {
  const grid = row.closest(GRID_SELECTOR);
  if (!grid) return [];
  let columns = memo.columns.get(grid);
  if (!columns) {
    columns = ariaColumns(grid, root, memo.isLabel);
    memo.columns.set(grid, columns);
  }
  if (columns.size === 0) return [];
  const cells = ariaCellsOf(row, ARIA_CELL_ROLES);
  return ariaIndexes(cells).filter(([cell, index]) => columns.has(index) && ariaSpan(cell) === 1).map(([cell]) => cell);
}

function ariaColumns(grid: Element, root: Node, isLabel: ColumnMemo['isLabel']): ReadonlySet<number> {
  const headersByRow = new Map<Element | null, Element[]>();
  for (const header of ariaHeaders(grid, root)) {
    const row = header.closest('[role=row]') ?? header.parentElement;
    headersByRow.set(row, [...(headersByRow.get(row) ?? []), header]);
  }
  const columns = new Set<number>();
  for (const headers of headersByRow.values()) {
    for (const [cell, index] of ariaIndexes(headers)) if (ariaSpan(cell) === 1 && isHeaderCell(cell, isLabel)) columns.add(index);
  }
  return columns;
}

/**
 * A grid's column headers: those before its first data cell, read in document order so a grid of
 * thousands of rows costs only its header; failing that, those of a header grid drawn before it.
 */
function ariaHeaders(grid: Element, root: Node): Element[] {
  const headers: Element[] = [];
  const walker = documentOf(grid).createTreeWalker(grid, SHOW_ELEMENT);
  for (let node = walker.nextNode(); node && isElement(node); node = walker.nextNode()) {
    const role = node.getAttribute('role') ?? '';
    if (ARIA_CELL_ROLES.has(role)) break;
    if (role === 'columnheader') headers.push(node);
  }
  if (headers.length > 0) return headers;
  const area = precedingHeader(grid, root, (candidate) => (candidate.querySelector('[role=columnheader]') ? candidate : undefined));
  return area ? [...area.querySelectorAll('[role=columnheader]')] : [];
}

/** Cells of `row` with one of `roles`, excluding those of rows nested inside it. */
function ariaCellsOf(row: Element, roles: ReadonlySet<string>): Element[] {
  const cells: Element[] = [];
  for (const candidate of row.querySelectorAll('[role]')) {
    if (roles.has(candidate.getAttribute('role') ?? '') && candidate.closest('[role=row]') === row) cells.push(candidate);
  }
  return cells;
}

/** Each cell's 1-based column: its `aria-colindex`, else its position counting `aria-colspan`. */
function ariaIndexes(cells: Element[]): [Element, number][] {
  let position = 1;
  return cells.map((cell) => {
    const explicit = Number.parseInt(cell.getAttribute('aria-colindex') ?? '', 10);
    const index = Number.isFinite(explicit) ? explicit : position;
    position = index + ariaSpan(cell);
    return [cell, index];
  });
}

function ariaSpan(cell: Element): number {
  const span = Number.parseInt(cell.getAttribute('aria-colspan') ?? '1', 10);
  return Number.isFinite(span) && span > 0 ? span : 1;
}

// ---- separate header ----

/**
 * A header drawn apart from its body (sticky-header grids): among the few previous siblings of the body and
 * of its nearest wrappers, inside `root`, the first for which `pick` returns a header. Wrappers are plain
 * containers: a table nested in a cell is not headed by the outer table's header row.
 */
function precedingHeader(body: Element, root: Node, pick: (candidate: Element) => Element | undefined): Element | undefined {
  let node: Element | null = body;
  for (let level = 0; node && node !== root && level < HEADER_SEARCH_LEVELS; level++) {
    let sibling = node.previousElementSibling;
    for (let n = 0; sibling && n < HEADER_SEARCH_SIBLINGS; n++, sibling = sibling.previousElementSibling) {
      const header = pick(sibling);
      if (header) return header;
    }
    node = node.parentElement;
    if (node && isStructural(node)) return undefined;
  }
  return undefined;
}
