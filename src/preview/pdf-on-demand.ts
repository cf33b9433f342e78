import type { Browser } from 'puppeteer-core';
import type { CheckedFacts } from '../language/checked-report.js';
import type { ReportBody } from '../render/markdown-to-hast.js';
import { closeBrowser, launchBrowser } from '../write/browser.js';
import { buildPdf, type BuiltPdf } from '../write/build-pdf.js';
import type { KeptContent } from '../write/pdf-standards/content-pass.js';
import { KeptLayout, KeptLayoutSpent } from '../write/kept-layout.js';
import { preparePage, type Printed, type Progress } from '../write/pdf.js';
import type { Printer } from '../write/printer.js';

/**
 * The live preview's PDF: printed when asked for, at most one print at a
 * time, and reused until the report changes, so a burst of requests (or a
 * page that asks in a loop) starts one print, not one per request. The
 * browser is started once and kept warm between prints; a print that fails
 * closes it, and the next one starts a fresh one. The page of the last print
 * is kept laid out (`KeptLayout`): after a save, Paged.js lays out again only
 * the pages from the first change until the layout meets the old one. After
 * each print the page's garbage is collected while the author reads.
 */
export class PdfOnDemand {
  private browser: Promise<Browser> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private latest: { version: number; bytes: Promise<BuiltPdf> } | undefined;
  /** The page of the last print, laid out. */
  kept: KeptLayout | undefined;
  /** Settles when the kept page has collected the last print's garbage (the benchmark reads its memory then). */
  settled: Promise<void> = Promise.resolve();
  /** The last PDF's pages as the finishing rewrote them: the next takes the pages that did not change. */
  private readonly keptContent = new Map<string, KeptContent>();
  /** How many prints have started (the tests count them). */
  prints = 0;

  constructor(private readonly onStart: () => void, private readonly progress: Progress) {}

  /** The PDF of a version of the report. */
  get(version: number, checked: CheckedFacts, body: ReportBody): Promise<BuiltPdf> {
    if (this.latest?.version === version) return this.latest.bytes;
    const bytes = this.queue.then(() => this.print(checked, body));
    this.queue = bytes.catch(() => undefined);
    const latest = { version, bytes };
    this.latest = latest;
    // A failed print is tried again on the next request.
    bytes.catch(() => {
      if (this.latest === latest) this.latest = undefined;
    });
    return bytes;
  }

  private async print(checked: CheckedFacts, body: ReportBody): Promise<BuiltPdf> {
    this.prints++;
    this.onStart();
    if (!this.browser) {
      this.browser = launchBrowser();
      this.browser.catch(() => undefined);
    }
    const browser = this.browser;
    const printer: Printer = { print: (html, options) => this.layOut(browser, html, options), close: async () => undefined };
    try {
      return await buildPdf(checked, body, this.progress, { printer, keptContent: this.keptContent });
    } catch (error) {
      // A failed print (a hang included) ends the browser; the next print starts a fresh one.
      this.kept = undefined;
      this.browser = undefined;
      await closeBrowser(await browser.catch(() => undefined));
      throw error;
    }
  }

  /** Lays the document out again in the kept page when it can, else in full in a fresh one. */
  private async layOut(browser: Promise<Browser>, html: string, options: { timeoutMs: number; progress: Progress }): Promise<Printed> {
    const printed = await this.layOutIn(browser, html, options);
    // What the layout and the print left behind (a quarter to half of the page's memory) goes while the author reads.
    this.settled = this.kept?.collectGarbage() ?? Promise.resolve();
    return printed;
  }

  private async layOutIn(browser: Promise<Browser>, html: string, options: { timeoutMs: number; progress: Progress }): Promise<Printed> {
    if (this.kept?.accepts(html)) {
      try {
        return await this.kept.print(html, options);
      } catch (error) {
        if (!(error instanceof KeptLayoutSpent)) throw error;
      }
    }
    await this.kept?.close();
    // A fresh page for a full layout. None is kept ready beside the laid-out one: it would hold some 100 MiB more.
    this.kept = new KeptLayout(await browser.then(preparePage));
    return await this.kept.print(html, options);
  }

  /** Closes the kept browser. */
  async close(): Promise<void> {
    const browser = await this.browser?.catch(() => undefined);
    this.browser = undefined;
    this.kept = undefined;
    await closeBrowser(browser);
  }
}
