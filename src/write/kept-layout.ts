import { PdfError, timeoutSeconds, type LaidOut, type Printed, type PrintPage, type Progress } from './pdf.js';
import { RELAYOUT } from './relayout-script.js';

/** What a layout in the kept page did: the result, how many pages it laid out, and from which page. */
interface Relaid {
  result: LaidOut;
  laidOut: number;
  from: number;
}

/** How the last print went: a full layout, or again from a page (`laidOut` pages laid out, the rest kept). */
export interface LayoutRun {
  full: boolean;
  from: number;
  laidOut: number;
}

/**
 * What in a stylesheet makes a page depend on other pages than those before
 * it (running headers, `string-set`, `target-counter()`, fixed boxes): a
 * document with it is always laid out in full.
 */
const WHOLE_DOCUMENT = /target-(counter|counters|text)\s*\(|string-set|running\s*\(|position\s*:\s*fixed/;

/** The print document up to its body, and the body. */
function split(html: string): { head: string; body: string } {
  const at = html.search(/<body[\s>]/i);
  return at < 0 ? { head: html, body: '' } : { head: html.slice(0, at), body: html.slice(at) };
}

/**
 * The live preview's print page, kept laid out between saves: the first
 * print lays the report out in full; a later one with the same head (styles,
 * fonts) lays out again only from the page before the first change until
 * the layout meets the old one (a page that ends at the same place in the
 * flow with the same footnote numbers), keeps the old pages after it, and
 * prints. Anything else (another head, a stylesheet that refers across
 * pages, a page of notes carried over) is laid out in full in a fresh page.
 * One print at a time.
 */
export class KeptLayout {
  private head: string | undefined;
  /** How the last print was laid out (the tests and the benchmark read it). */
  last: LayoutRun | undefined;

  constructor(readonly prepared: PrintPage) {}

  /** Whether this page can lay the document out again from where it changed. */
  accepts(html: string): boolean {
    const { head } = split(html);
    return this.head !== undefined && head === this.head && !WHOLE_DOCUMENT.test(head);
  }

  /** Lays out (again, when it accepts the document, else in full) and prints; the page stays for the next print. */
  async print(html: string, options: { timeoutMs: number; progress: Progress }): Promise<Printed> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PdfError('pdf.timeout', { seconds: timeoutSeconds(options.timeoutMs) })), options.timeoutMs);
    });
    try {
      return await Promise.race([this.run(html, options), timeout]);
    } catch (error) {
      // A page in an unknown state is not laid out again from.
      this.head = undefined;
      if (error instanceof PdfError || error instanceof KeptLayoutSpent) throw error;
      throw new PdfError('pdf.browser-failed', { reason: (error as Error).message.split('\n')[0] ?? '' });
    } finally {
      clearTimeout(timer);
    }
  }

  private async run(html: string, options: { timeoutMs: number; progress: Progress }): Promise<Printed> {
    const { page, pageErrors, blocked } = this.prepared;
    const again = this.accepts(html);
    let relaid: Relaid | { fallback: string } | undefined;
    if (again) {
      options.progress({ id: 'pdf.laying-out' });
      try {
        relaid = (await page.evaluate((body: string) => (window as unknown as { redovisningRelayout: { again(body: string): Promise<Relaid> } }).redovisningRelayout.again(body), split(html).body)) as Relaid | { fallback: string };
      } catch {
        relaid = undefined;
      }
      // A layout again that failed in the page leaves it in an unknown state: the document is laid out in full in a fresh one.
      if (!relaid || pageErrors.length) {
        this.head = undefined;
        throw new KeptLayoutSpent();
      }
    }
    if (!relaid || 'fallback' in relaid) {
      if (this.head !== undefined) throw new KeptLayoutSpent();
      await page.evaluate(RELAYOUT);
      await page.setContent(html, { waitUntil: 'load', timeout: options.timeoutMs });
      options.progress({ id: 'pdf.laying-out' });
      relaid = (await page.evaluate('window.redovisningRelayout.full()')) as Relaid;
      this.head = split(html).head;
      this.last = { full: true, from: 0, laidOut: relaid.laidOut };
    } else this.last = { full: false, from: relaid.from, laidOut: relaid.laidOut };
    if (pageErrors.length) throw new PdfError('pdf.layout-failed', { reason: pageErrors[0] ?? '' });
    if (blocked.length) throw new PdfError('pdf.blocked', { count: blocked.length, first: blocked[0] ?? '' });
    const { pages, placements, hints } = relaid.result;
    options.progress({ id: 'pdf.printing', pages });
    const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: options.timeoutMs });
    return { bytes, pages, placements, hints };
  }

  /** Collects the page's garbage (V8's): the layout's and the print's leftovers. Never fails. */
  async collectGarbage(): Promise<void> {
    try {
      const session = await this.prepared.page.createCDPSession();
      await session.send('HeapProfiler.collectGarbage');
      await session.detach();
    } catch {
      // A page closed meanwhile has nothing to collect.
    }
  }

  /** Closes the page. */
  async close(): Promise<void> {
    await this.prepared.page.close().catch(() => undefined);
  }
}

/** Thrown when a kept page cannot lay the document out again: the caller lays it out in full in a fresh page. */
export class KeptLayoutSpent extends Error {}
