import type { Browser } from 'puppeteer-core';
import type { CheckedFacts } from '../language/checked-report.js';
import type { ReportBody } from '../render/markdown-to-hast.js';
import { closeBrowser, launchBrowser } from '../write/browser.js';
import { buildPdf, type BuiltPdf } from '../write/build-pdf.js';
import { preparePage, type PrintPage, type Progress } from '../write/pdf.js';

/**
 * The live preview's PDF: printed when asked for, at most one print at a
 * time, and reused until the report changes, so a burst of requests (or a
 * page that asks in a loop) starts one print, not one per request. The
 * browser is started once and kept warm between prints, with a page that has
 * Paged.js loaded waiting for the next; a print that fails closes it, and the
 * next one starts a fresh one.
 */
export class PdfOnDemand {
  private browser: Promise<Browser> | undefined;
  private page: Promise<PrintPage> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private latest: { version: number; bytes: Promise<BuiltPdf> } | undefined;
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
    const page = this.page ?? browser.then(preparePage);
    this.page = undefined;
    try {
      const bytes = await buildPdf(checked, body, this.progress, { browser, page, keepBrowser: true });
      // The next print's page is made ready now, while the author reads this one.
      this.page = browser.then(preparePage);
      this.page.catch(() => undefined);
      return bytes;
    } catch (error) {
      this.browser = undefined;
      throw error;
    }
  }

  /** Closes the kept browser. */
  async close(): Promise<void> {
    const browser = await this.browser?.catch(() => undefined);
    this.browser = undefined;
    this.page = undefined;
    await closeBrowser(browser);
  }
}
