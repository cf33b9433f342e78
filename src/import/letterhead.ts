import type { Element, RootContent } from 'hast';
import { coreProperties, type DocxFile } from './docx-file.js';
import { isElement, textOf } from './convert.js';

/** The letterhead and document facts read from a draft's first page and its properties. */
export interface Letterhead {
  agency: string | undefined;
  title: string | undefined;
  date: string | undefined;
  dnr: string | undefined;
  theirDnr: string | undefined;
  recipients: string[];
  description: string | undefined;
  /** Where each fact came from: the first page, or the file's properties. */
  from: Partial<Record<'agency' | 'title' | 'date' | 'description', 'page' | 'properties'>>;
  /** The blocks of the first page that were read into the letterhead. */
  used: Set<RootContent>;
  /** Lines of the first page that are not part of the letterhead. */
  unplaced: string[];
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** `2020-03-30`, `30 mars 2020` or `2020-3-30` as an ISO date, when it is one. */
export function isoDate(text: string): string | undefined {
  const t = text.trim();
  let iso: string | undefined;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) iso = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  const s = new RegExp(`^(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+(\\d{4})$`, 'i').exec(t);
  if (s) iso = `${s[3]}-${String(MONTHS.indexOf((s[2] ?? '').toLowerCase()) + 1).padStart(2, '0')}-${(s[1] ?? '').padStart(2, '0')}`;
  if (iso === undefined) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

const RECIPIENT = /^(Regeringskansliet|Regeringen|\S+departementet|Statsrådsberedningen)$/;

/**
 * Reads the first page (the blocks before the first chapter heading): the
 * title (Word's Title style), lines like `Dnr: 2018-00703`, `Datum: …`,
 * `Ert dnr: …` (also in a table), the addressee (Regeringskansliet, a
 * ministry) and the agency (the first other line, or the file's author).
 */
export async function readLetterhead(docx: DocxFile, front: RootContent[]): Promise<Letterhead> {
  const head: Letterhead = { agency: undefined, title: undefined, date: undefined, dnr: undefined, theirDnr: undefined, recipients: [], description: undefined, from: {}, used: new Set(), unplaced: [] };
  const lines: { text: string; node: RootContent }[] = [];
  for (const node of front) {
    if (isElement(node, 'h1')) {
      head.title ??= textOf(node).trim();
      head.from.title = 'page';
      head.used.add(node);
      continue;
    }
    const parts = isElement(node, 'table') ? cellLines(node) : textOf(node).split('\n');
    let usedAll = true;
    for (const raw of parts) {
      const text = raw.replace(/\s+/g, ' ').trim();
      if (text === '') continue;
      const fact = /^(Datum|Dnr|Diarienummer|Vårt dnr|Ert dnr|Er referens)\s*:?\s*(.+)$/i.exec(text);
      if (fact) {
        const name = (fact[1] ?? '').toLowerCase();
        const value = (fact[2] ?? '').trim();
        if (name === 'datum' && isoDate(value)) {
          head.date = isoDate(value);
          head.from.date = 'page';
        } else if (name === 'ert dnr' || name === 'er referens') head.theirDnr = value;
        else if (name !== 'datum') head.dnr = value;
        else usedAll = false;
        continue;
      }
      if (RECIPIENT.test(text)) {
        head.recipients.push(text);
        continue;
      }
      lines.push({ text, node });
      usedAll = false;
    }
    if (usedAll) head.used.add(node);
  }
  // The agency is the first other line of the first page (pandoc's author line, a letterhead's name).
  const agency = lines.find((l) => l.text.length <= 80 && !/[.!?]$/.test(l.text));
  if (agency) {
    head.agency = agency.text;
    head.from.agency = 'page';
    head.used.add(agency.node);
  }
  head.unplaced = lines.filter((l) => l !== agency).map((l) => l.text);
  const properties = await coreProperties(docx);
  if (head.title === undefined && properties.title) {
    head.title = properties.title;
    head.from.title = 'properties';
  }
  if (head.agency === undefined && properties.creator) {
    head.agency = properties.creator;
    head.from.agency = 'properties';
  }
  if (head.date === undefined && properties.created) {
    head.date = properties.created;
    head.from.date = 'properties';
  }
  if (properties.description) {
    head.description = properties.description;
    head.from.description = 'properties';
  }
  return head;
}

function cellLines(table: Element): string[] {
  const lines: string[] = [];
  const walk = (n: Element): void => {
    for (const c of n.children) {
      if (!isElement(c)) continue;
      if (c.tagName === 'td' || c.tagName === 'th') lines.push(...c.children.map((p) => textOf(p)));
      else walk(c);
    }
  };
  walk(table);
  // A two-cell row "Dnr | 2018-00703" reads as one line.
  return lines.flatMap((l, i) => (/^(Datum|Dnr|Ert dnr)$/i.test(l.trim()) && lines[i + 1] !== undefined ? [`${l.trim()}: ${lines[i + 1]?.trim()}`] : [l])).filter((l, i, all) => !(i > 0 && /^(Datum|Dnr|Ert dnr): /i.test(all[i - 1] ?? '') && (all[i - 1] ?? '').endsWith(l.trim())));
}
