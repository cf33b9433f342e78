import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Browser, ConnectionTransport, PuppeteerNode } from 'puppeteer-core';
import { installCommand } from '../load/executables.js';
import type { TextId } from '../messages/catalogue.js';
import { ToolError } from '../messages/tool-error.js';
import { alive } from './alive.js';

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
 * The flags puppeteer-core's own launch() gives Chromium (`puppeteer.defaultArgs({ headless: true })`
 * of the pinned version, without the start page; a test holds them equal), so that the browser
 * started here prints what puppeteer's would.
 */
export const PUPPETEER_ARGS = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
  '--headless=new',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
];

/** Browser profiles are temporary folders named after the process that made them. */
const PROFILE_PREFIX = 'redovisning-chromium-';

/** Removes the profiles of processes that are gone (killed, so that they could not clean up). */
function sweepProfiles(): void {
  for (const name of readdirSync(os.tmpdir())) {
    const owner = name.startsWith(PROFILE_PREFIX) ? Number(name.slice(PROFILE_PREFIX.length).split('-')[0]) : NaN;
    if (!Number.isInteger(owner) || owner === process.pid || alive(owner)) continue;
    rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

/** Kills a browser's process if it still runs and removes its profile (for a process on its way out: synchronous). */
export function removeBrowser(pid: number | undefined, profile: string): void {
  try {
    if (pid) process.kill(pid, 'SIGKILL');
  } catch {
    // Gone already.
  }
  rmSync(profile, { recursive: true, force: true });
}

/** The Chromium process behind each browser this module started (closing kills it if it hangs). */
const processes = new WeakMap<Browser, ChildProcess>();

/**
 * Closes a browser from launchBrowser(), and kills it if it does not close in
 * time (a browser that does not answer must not keep the build or the preview
 * from ending, nor be left behind).
 */
export async function closeBrowser(browser: Browser | undefined): Promise<void> {
  if (!browser) return;
  const child = processes.get(browser);
  const running = (): boolean => child !== undefined && child.exitCode === null && child.signalCode === null;
  const exited = running() ? new Promise((resolve) => child?.once('exit', resolve)) : Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const closed = (async () => {
    await browser.close().catch(() => undefined);
    await exited;
  })();
  await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
  clearTimeout(timer);
  if (running()) child?.kill('SIGKILL');
}

/**
 * Starts headless Chromium, or fails with a message that names the fix.
 * Only the PDF stage (and tests) call this; checks never start a browser.
 *
 * The process starts before this function first waits: a build calls it
 * first and then checks the report, and puppeteer (a tenth of a second to
 * load) would otherwise start the browser only once the check let it, so
 * that the build waited for the browser after the check instead of the
 * browser starting during it. Puppeteer then connects over the browser's
 * pipe (Chromium exits when it closes, so a killed build leaves no browser
 * behind).
 */
export async function launchBrowser(timeoutMs = 30_000, onSpawn?: (started: { pid: number; profile: string }) => void): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new BrowserMissingError('pdf.browser-missing', { path: CHROMIUM_PATH, install: installCommand(['chromium-headless-shell']) });
  }
  sweepProfiles();
  const profile = mkdtempSync(path.join(os.tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
  // Set up before anything is awaited: a program that exits at once (not a browser) must fail the start at once.
  let ended: (error: Error) => void = () => undefined;
  const exited = new Promise<never>((_, reject) => (ended = reject));
  exited.catch(() => undefined);
  const started = new Promise<ChildProcess>((resolve, reject) => {
    const child = spawn(CHROMIUM_PATH, [...PUPPETEER_ARGS, ...CHROMIUM_ARGS, '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    // A process that exits (Ctrl-C) takes its browser and its profile along.
    const cleanUp = (): void => removeBrowser(child.pid, profile);
    process.once('exit', cleanUp);
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString('utf8')).slice(-2000)));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.removeListener('exit', cleanUp);
      rmSync(profile, { recursive: true, force: true });
      const error = new Error(`Chromium exited (${signal ?? code}) ${errors.trim().split('\n').pop() ?? ''}`.trim());
      reject(error);
      ended(error);
    });
    child.once('spawn', () => {
      if (child.pid) onSpawn?.({ pid: child.pid, profile });
      resolve(child);
    });
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const child = await started;
    // PipeTransport is what puppeteer's own launch() connects with; its types leave it out.
    const { default: puppeteer, PipeTransport } = (await Promise.race([import('puppeteer-core'), exited])) as unknown as { default: PuppeteerNode; PipeTransport: new (write: Writable, read: Readable) => ConnectionTransport };
    const transport = new PipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs)));
    const browser = await Promise.race([puppeteer.connect({ transport, protocolTimeout: 120_000, defaultViewport: { width: 800, height: 600 } }), exited, late]);
    processes.set(browser, child);
    return browser;
  } catch (error) {
    started.then((child) => child.kill('SIGKILL'), () => undefined);
    throw new BrowserMissingError('pdf.browser-start', { path: CHROMIUM_PATH, reason: (error as Error).message.split('\n')[0] ?? '' });
  } finally {
    clearTimeout(timer);
  }
}
