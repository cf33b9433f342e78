import { existsSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import type { TextId } from '../messages/catalogue.js';
import { ToolError } from '../messages/tool-error.js';

/**
 * Debian's headless Chromium (`apt-get install chromium-headless-shell`):
 * starts in a quarter of the time and prints the same bytes. The binary
 * itself, not /usr/bin's wrapper script, so that the process the build
 * watches (and kills on a timeout) is the browser.
 */
export const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
/** Debian's full Chromium (`apt-get install chromium`), a wrapper script around the browser. */
export const FULL_CHROMIUM = '/usr/bin/chromium';

/** The Chromium that prints: REDOVISNING_CHROMIUM when set, else the headless shell when installed, else full Chromium. */
export const CHROMIUM_PATH = process.env['REDOVISNING_CHROMIUM'] ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : FULL_CHROMIUM);

/**
 * Flags for a headless, offline Chromium: no sandbox (the build may run as
 * root), and none of the background services that would try the network.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

/** Thrown when no browser can be started; the message says what to run. */
export class BrowserMissingError<K extends TextId = TextId> extends ToolError<K> {}

/**
 * Starts headless Chromium, or fails with a message that names the fix.
 * Only the PDF stage (and tests) call this; checks never start a browser.
 */
export async function launchBrowser(timeoutMs = 30_000): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new BrowserMissingError('pdf.browser-missing', { path: CHROMIUM_PATH });
  }
  const puppeteer = (await import('puppeteer-core')).default;
  try {
    // pipe: Chromium talks over a pipe and exits when it closes, so a killed build leaves no browser behind.
    return await puppeteer.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, pipe: true, timeout: timeoutMs, protocolTimeout: 120_000 });
  } catch (error) {
    throw new BrowserMissingError('pdf.browser-start', { path: CHROMIUM_PATH, reason: (error as Error).message.split('\n')[0] ?? '' });
  }
}
