import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { packageDir } from '../load/tool-package.js';
import type { TextId } from '../messages/catalogue.js';
import { ToolError } from '../messages/tool-error.js';
import { BrowserMissingError, closeBrowser, launchBrowser } from './browser.js';

/** Paged.js' polyfill (the package's exports do not list it, so it is read by path). */
const PAGED_POLYFILL = path.join(packageDir('pagedjs'), 'dist', 'paged.polyfill.js');

/** Where an attached PDF's page landed in the printed document. */
export interface Placement {
  appendix: number;
  /** Page of the attached PDF, 0-based. */
  page: number;
  /** Page of the printed document, 0-based. */
  pageIndex: number;
}

/**
 * What the laid-out pages say about the tags Chromium writes, in document
 * order, for finishing the PDF: the text of every link, which tables
 * continue one on an earlier page, which footnotes continue one.
 */
export interface LayoutHints {
  /** Per link (`a[href]`): its text, or for a footnote call the note's number. */
  links: ({ text: string } | { footnote: number })[];
  /** Per table: true when it continues the table before it on an earlier page. */
  tables: boolean[];
  /** Per footnote in the page feet: true when it continues a note from the page before. */
  notes: boolean[];
  /** Words ending in a hyphen that the text follows with a space ("forsknings- och"). */
  spacedHyphens: string[];
}

/** What printing produced. */
export interface Printed {
  bytes: Uint8Array;
  pages: number;
  placements: Placement[];
  hints: LayoutHints;
}

/** Thrown when printing fails in a way the author cannot fix in the report; the message says what to do. */
export class PdfError<K extends TextId = TextId> extends ToolError<K> {}

/** The slow steps of printing, reported as they start. */
export type ProgressStep = { id: 'pdf.starting' | 'pdf.laying-out' | 'pdf.finishing' } | { id: 'pdf.printing'; pages: number };

/** Reports slow steps ("starting the browser", "laying out", …). */
export type Progress = (step: ProgressStep) => void;

/**
 * A Paged.js handler that repeats a table's header row when the table breaks
 * across pages: when the first row of a continued table is laid out, the
 * source table's `<thead>` is put in front of it, so the page's height
 * accounts for it. Runs in the page.
 */
const REPEAT_TABLE_HEADERS = `
class RepeatTableHeaders extends Paged.Handler {
  renderNode(clone, node) {
    if (!clone || clone.nodeType !== 1 || clone.nodeName !== 'TR') return;
    const table = clone.closest('table');
    if (!table || !table.hasAttribute('data-split-from') || table.querySelector(':scope > thead')) return;
    const source = node.closest('table') && node.closest('table').querySelector(':scope > thead');
    if (!source || source.contains(node)) return;
    const thead = source.cloneNode(true);
    thead.setAttribute('data-repeated-header', '');
    // Printed again for the eye, not read again: the PDF marks it as an artifact.
    thead.setAttribute('aria-hidden', 'true');
    table.insertBefore(thead, table.firstChild);
  }
}
Paged.registerHandlers(RepeatTableHeaders);
`;

/**
 * Keeps the layout of a long report linear. Every new page makes Chromium
 * lay out the document built so far (Paged.js measures the page it adds),
 * so finished pages are hidden while later ones are laid out, and shown
 * again before printing. Hidden pages would take their footnote calls out
 * of the CSS counters that number the notes, changing the numbers, their
 * width and so the line breaks; so each page starts its footnote counters
 * at the count of the pages before it, which gives every note the number it
 * has in the whole document, hidden pages or not. Runs in the page.
 */
const LINEAR_LAYOUT = `
class LinearLayout extends Paged.Handler {
  constructor(chunker, polisher, caller) {
    super(chunker, polisher, caller);
    this.calls = 0;
    this.markers = 0;
    this.finished = [];
  }
  beforePageLayout(page) {
    const sheet = page && page.element && page.element.querySelector('.pagedjs_sheet');
    if (sheet) sheet.style.counterReset = 'footnote ' + this.calls + ' footnote-marker ' + this.markers;
  }
  finalizePage(pageElement, page) {
    this.calls += pageElement.querySelectorAll('.pagedjs_area [data-footnote-call]:not([data-split-from])').length;
    this.markers += pageElement.querySelectorAll('[data-footnote-marker]:not([data-split-from])').length;
    this.finished.push({ element: pageElement, page });
    // The last pages stay: a page's overflow and split elements refer back to the page before.
    const { element: done, page: donePage } = this.finished[this.finished.length - 2] || {};
    const next = done && done.nextElementSibling;
    if (!done || !next) return;
    // A spacer takes the hidden page's place, to the 1/64 px, so later pages stand where they would
    // (Paged.js rounds positions while placing notes: a page moved by a fraction could lay out otherwise).
    if (!this.spacer) {
      this.spacer = document.createElement('div');
      this.spacer.style.height = '0px';
      done.parentNode.parentNode.insertBefore(this.spacer, done.parentNode);
      this.height = 0;
    }
    this.height += next.getBoundingClientRect().top - done.getBoundingClientRect().top;
    // A page's resize observer would take hiding it for a change of content and look for
    // overflow in it (a layout of the document each time): the page is finished, stop watching it.
    if (donePage) donePage.removeListeners();
    if (this.keepInDocument) done.style.display = 'none';
    else {
      // Out of the document, not just hidden: hidden pages still made each layout walk past them all.
      if (!this.finishedPages) this.finishedPages = { fragment: document.createDocumentFragment(), area: done.parentNode };
      this.finishedPages.fragment.appendChild(done);
    }
    this.spacer.style.height = this.height + 'px';
  }
  afterParsed() {
    // A page is some seventy boxes of Paged.js' own: a margin box for every place a running
    // header could go, crop marks. Chromium styles and lays out every one of them again to
    // print, which took longer than the report's own text: those that show nothing are not rendered.
    const root = getComputedStyle(document.documentElement);
    const marks = ['--pagedjs-mark-crop-display', '--pagedjs-mark-cross-display'].some((name) => root.getPropertyValue(name).trim() !== 'none');
    // target-counter() and target-text() look up their targets among all pages laid out so far (see printPdf).
    this.keepInDocument = window.redovisningKeepPages === true;
    const style = document.createElement('style');
    style.textContent = '.pagedjs_pagebox > [class^="pagedjs_margin-"]:not(:has(.hasContent)) { display: none; }' + (marks ? '' : ' .pagedjs_bleed > * { display: none; }');
    document.head.appendChild(style);
  }
  afterRendered() {
    if (this.spacer) this.spacer.remove();
    if (this.finishedPages) this.finishedPages.area.insertBefore(this.finishedPages.fragment, this.finishedPages.area.firstChild);
    // The pages are for print only: on screen they stay unrendered, or Chromium would lay out and
    // paint them all once more before printing (a second per thousand pages).
    const screen = document.createElement('style');
    screen.textContent = '@media screen { .pagedjs_pages { display: none !important; } }';
    document.head.appendChild(screen);
    for (const { element, page } of this.finished) {
      if (page) page.removeListeners();
      element.style.removeProperty('display');
      if (!element.getAttribute('style')) element.removeAttribute('style');
    }
  }
}
Paged.registerHandlers(LinearLayout);
`;

/**
 * Paged.js lays out one page per animation frame (its queue ticks on
 * requestAnimationFrame), which leaves the renderer idle for most of each
 * frame: 40 % of the layout time of a long report. Nothing is painted while
 * it lays out, so the next page may start at once, in a microtask. Set
 * before Paged.js loads; the pages come out the same.
 */
const NO_FRAME_WAIT = 'window.requestAnimationFrame = (callback) => { queueMicrotask(() => callback(performance.now())); return 1; };';

/** A time limit in seconds as the author gave it (`--pdf-timeout 0.05` → `0.05`). */
export function timeoutSeconds(ms: number): string {
  return String(Number((ms / 1000).toFixed(3)));
}

/** A page made ready to lay out a report: Paged.js loaded, requests watched. */
export interface PrintPage {
  page: Page;
  /** Requests blocked (anything but data: URLs): the build fails if there are any. */
  blocked: string[];
  /** Errors thrown in the page. */
  pageErrors: string[];
}

/**
 * Opens a page and loads Paged.js into it, before the report is known: a
 * build does this while it checks the report. The document written into the
 * page later (`setContent`, which is `document.write`) keeps the page's
 * scripts, so Paged.js is compiled once, off the build's way.
 */
export async function preparePage(browser: Browser): Promise<PrintPage> {
  const page = await browser.newPage();
  const prepared: PrintPage = { page, blocked: [], pageErrors: [] };
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url === 'about:blank') void request.continue();
    else {
      prepared.blocked.push(url);
      void request.abort('blockedbyclient');
    }
  });
  page.on('pageerror', (error) => prepared.pageErrors.push(String((error as Error).message ?? error)));
  await page.evaluate(`window.PagedConfig = { auto: false }; ${NO_FRAME_WAIT}`);
  await page.addScriptTag({ content: await readFile(PAGED_POLYFILL, 'utf8') });
  await page.addScriptTag({ content: REPEAT_TABLE_HEADERS });
  await page.addScriptTag({ content: LINEAR_LAYOUT });
  return prepared;
}

/** What the laid-out pages tell the finishing step. */
export interface LaidOut {
  pages: number;
  placements: Placement[];
  hints: LayoutHints;
}

/**
 * Runs in the page once its pages are laid out (a function of the page
 * count, as source text): where the attached PDFs' pages landed, the
 * footnotes numbered in document order, and the hints for the tags.
 */
export const LAYOUT_RESULT = `(total) => {
  const placements = [];
  document.querySelectorAll('.pagedjs_page').forEach((pageElement, pageIndex) => {
    pageElement.querySelectorAll('[data-attachment]').forEach((el) => {
      placements.push({ appendix: Number(el.dataset.attachment), page: Number(el.dataset.attachmentPage), pageIndex });
    });
  });
  // Paged.js names footnotes with random UUIDs; the PDF's link targets
  // must not change between builds, so number them in document order
  // (pages kept from an earlier layout have theirs numbered already).
  const renamed = new Map();
  document.querySelectorAll('[id^="note-"], [id^="fotnot-"]').forEach((note, i) => renamed.set('#' + note.id, 'fotnot-' + (i + 1)));
  const calls = [...document.querySelectorAll('a[href^="#note-"], a[href^="#fotnot-"]')];
  document.querySelectorAll('[id^="note-"], [id^="fotnot-"]').forEach((note) => (note.id = renamed.get('#' + note.id)));
  calls.forEach((a) => renamed.has(a.getAttribute('href')) && a.setAttribute('href', '#' + renamed.get(a.getAttribute('href'))));
  const laidOut = document.querySelector('.pagedjs_pages') || document;
  const hints = {
    links: [...laidOut.querySelectorAll('a[href]')].filter((a) => !a.closest('[aria-hidden="true"]')).map((a) => {
      const note = a.hasAttribute('data-footnote-call') && /^#fotnot-(\\d+)$/.exec(a.getAttribute('href'));
      return note ? { footnote: Number(note[1]) } : { text: (a.textContent || '').replace(/\\s+/g, ' ').trim() };
    }),
    tables: [...laidOut.querySelectorAll('table')].map((t) => t.hasAttribute('data-split-from')),
    notes: [...laidOut.querySelectorAll('[data-footnote-marker]')].map((n) => n.hasAttribute('data-split-from')),
    spacedHyphens: [...new Set(laidOut.textContent.match(/\\S+[-\u2010\u2011](?=\\s)/gu) || [])].sort(),
  };
  return { pages: total, placements, hints };
}`;

/**
 * Prints the print document to PDF in headless Chromium with Paged.js. The
 * page loads nothing from the network: every request other than a data: URL
 * is blocked and makes the build fail. Bounded in time: a hang kills the
 * browser. `page`, when given, is a page prepared in that browser (else one
 * is prepared here).
 */
export async function printPdf(html: string, options: { timeoutMs: number; progress: Progress; browser?: Promise<Browser> | undefined; page?: Promise<PrintPage> | undefined; keepBrowser?: boolean }): Promise<Printed> {
  let browser: Browser | undefined;
  let page: Page | undefined;
  let failed = false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfError('pdf.timeout', { seconds: timeoutSeconds(options.timeoutMs) })), options.timeoutMs);
  });
  try {
    return await Promise.race([print(), timeout]);
  } catch (error) {
    failed = true;
    if (error instanceof PdfError || error instanceof BrowserMissingError) throw error;
    // The browser crashed or broke the connection: say so, without a stack trace.
    throw new PdfError('pdf.browser-failed', { reason: (error as Error).message.split('\n')[0] ?? '' });
  } finally {
    clearTimeout(timer);
    // A browser kept for the next print (the live preview's) keeps running unless this print failed.
    if (options.keepBrowser && !failed) await page?.close().catch(() => undefined);
    else await closeBrowser(browser);
  }

  async function print(): Promise<Printed> {
    if (!options.browser) options.progress({ id: 'pdf.starting' });
    browser = await (options.browser ?? launchBrowser());
    const prepared = await (options.page ?? preparePage(browser));
    page = prepared.page;
    await page.setContent(html, { waitUntil: 'load', timeout: options.timeoutMs });
    // A stylesheet that refers to other pages' content needs the pages laid out so far in the document.
    if (/target-(counter|counters|text)\s*\(/.test(html)) await page.evaluate('window.redovisningKeepPages = true');
    options.progress({ id: 'pdf.laying-out' });
    const layout = (await page.evaluate(`(async () => {
      await document.fonts.ready;
      const previewer = new Paged.Previewer();
      const flow = await previewer.preview();
      return (${LAYOUT_RESULT})(flow.total);
    })()`)) as LaidOut;
    if (prepared.pageErrors.length) throw new PdfError('pdf.layout-failed', { reason: prepared.pageErrors[0] ?? '' });
    if (prepared.blocked.length) throw new PdfError('pdf.blocked', { count: prepared.blocked.length, first: prepared.blocked[0] ?? '' });
    options.progress({ id: 'pdf.printing', pages: layout.pages });
    const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: options.timeoutMs });
    return { bytes, pages: layout.pages, placements: layout.placements, hints: layout.hints };
  }
}
