import { existsSync } from 'node:fs';
import { findOnPath } from '../load/executables.js';
import { DICTIONARY, HUNSPELL } from '../language/hunspell.js';
import { BrowserMissingError, CHROMIUM_PATH } from '../write/browser.js';
import { installCommand } from '../load/executables.js';

/** What the tool uses from the machine (Debian's packages), each checked by `doktor`. */
export type RequirementId = 'chromium' | 'hunspell' | 'hunspell-sv' | 'fonts' | 'poppler' | 'libreoffice';

/** One thing the tool needs (or can use) from the machine, and the Debian package that gives it. */
export interface Requirement {
  id: RequirementId;
  /** The Debian package to install when it is missing. */
  debian: string;
  /** False for what only some uses need (reading PDFs back, Word output). */
  needed: boolean;
  /** The file found, or undefined; `looked` says where it was looked for. */
  find(): { found: string | undefined; looked: string };
}

/** A file that must exist at a fixed place. */
const file = (at: string): Requirement['find'] => () => ({ found: existsSync(at) ? at : undefined, looked: at });

/** A command on PATH. */
const command = (name: string): Requirement['find'] => () => ({ found: findOnPath(name), looked: `${name} (PATH)` });

/**
 * Everything the tool uses from Debian, in the order `doktor` lists it:
 * the browser that prints the PDF, Hunspell and its Swedish dictionary
 * (the spelling), a fallback font for the browser, and what only some uses
 * need (poppler to read a PDF back, LibreOffice for Word output).
 */
export const REQUIREMENTS: readonly Requirement[] = [
  { id: 'chromium', debian: 'chromium-headless-shell', needed: true, find: file(CHROMIUM_PATH) },
  { id: 'hunspell', debian: 'hunspell', needed: true, find: () => ({ found: HUNSPELL && existsSync(HUNSPELL) ? HUNSPELL : undefined, looked: HUNSPELL || 'hunspell (PATH)' }) },
  { id: 'hunspell-sv', debian: 'hunspell-sv', needed: true, find: () => ({ found: existsSync(`${DICTIONARY}.dic`) && existsSync(`${DICTIONARY}.aff`) ? `${DICTIONARY}.dic` : undefined, looked: `${DICTIONARY}.dic` }) },
  { id: 'fonts', debian: 'fonts-dejavu-core', needed: true, find: file('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf') },
  { id: 'poppler', debian: 'poppler-utils', needed: false, find: command('pdftotext') },
  { id: 'libreoffice', debian: 'libreoffice-writer-nogui', needed: false, find: command('soffice') },
];

/** Each requirement with what was found. */
export function examine(requirements: readonly Requirement[] = REQUIREMENTS): { requirement: Requirement; found: string | undefined; looked: string }[] {
  return requirements.map((requirement) => ({ requirement, ...requirement.find() }));
}

/**
 * Why a build with the PDF cannot start, before anything is checked: the
 * browser is not there (a one-line message with the command that installs it).
 */
export function missingBrowser(): BrowserMissingError | undefined {
  return existsSync(CHROMIUM_PATH) ? undefined : new BrowserMissingError('pdf.browser-missing', { path: CHROMIUM_PATH, install: installCommand(['chromium-headless-shell']) });
}
