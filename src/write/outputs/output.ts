import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { CheckedFacts } from '../../language/checked-report.js';
import type { Lang } from '../../messages/message.js';
import type { TextId } from '../../messages/catalogue.js';
import type { PageBody } from '../../render/render-page.js';
import type { OpenDataListing } from '../../render/datasets.js';
import type { BuiltPdf } from '../build-pdf.js';
import type { Progress } from '../pdf.js';
import type { OutputCopy, OutputFile } from '../write-output.js';

/** What every output is made from: the checked report, with its chapters drawn once (the page and the PDF share them). */
export interface DrawnReport extends CheckedFacts {
  body: PageBody;
}

/** What the page links to, filled by the outputs before the page is made. */
export interface PageLinks {
  /** Documents to download, by output name: `pdf` → `redovisning.pdf`. */
  documents: Map<string, string>;
  /** The open data the page lists; undefined: listed without sizes. */
  openData: OpenDataListing | undefined;
  /** The documents' sizes in bytes, by output name, once they are made (the page shows them). */
  sizes: Map<string, number>;
}

/** What the command asks of the outputs (`build`'s options, or the preview's). */
export interface OutputOptions {
  /** Outputs turned off on the command line (`--no-pdf`), by name. */
  off: ReadonlySet<string>;
  /** How the PDF is printed: the build's printer thread, or the preview's kept browser. */
  print: ((report: DrawnReport, progress: Progress) => Promise<BuiltPdf>) | undefined;
}

/** Where outputs put what they make: the files of the output folder, and the page's links. */
export interface OutputFolder {
  files: OutputFile[];
  copies: OutputCopy[];
  links: PageLinks;
  options: OutputOptions;
  /** What the command tells the author once the outputs are made (`pdf: 12 sidor`). */
  notes: { id: TextId; params: object }[];
  /** Warnings an output found while making itself (an attached PDF without its fonts). */
  warnings: Diagnostic[];
  /** What the command says last, after the folder is written (the standards the PDF meets). */
  closing: ((lang: Lang) => string[])[];
}

/**
 * One output of a build: the page, the PDF, the open data. Each takes the
 * drawn report and adds its files; none reaches back into the stages. The
 * build and the preview loop over the registry (outputs/registry.ts).
 */
export interface Output {
  /** Its name: the option that turns it off is `--no-<name>`. */
  name: string;
  /** The help text of `--no-<name>`; undefined: always made. */
  option?: TextId;
  /** Whether this run makes it. */
  wanted(options: OutputOptions): boolean;
  /** True when it may start once the facts are checked, while the language is reviewed (it adds nothing the review could change). */
  early?: boolean;
  /** The files it makes (the preview makes the output when one is asked for). */
  paths(report: DrawnReport): string[];
  /** What the page links to, known before the files are made. */
  link?(report: DrawnReport, links: PageLinks): void;
  /** Makes its files into the folder (and, with what it made, the page's links). */
  write(report: DrawnReport, folder: OutputFolder, progress: Progress): Promise<void>;
}

/** A folder to write outputs into. */
export function outputFolder(options: OutputOptions): OutputFolder {
  return { files: [], copies: [], links: { documents: new Map(), openData: undefined, sizes: new Map() }, options, notes: [], warnings: [], closing: [] };
}
