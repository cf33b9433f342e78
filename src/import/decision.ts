import type { RootContent } from 'hast';
import { isElement, textOf } from './convert.js';

/** A person of the decision block, as `rapport.yaml` holds them. */
export interface Person {
  namn: string;
  titel: string;
}

/** The closing decision: who decided, who presented, who else took part. */
export interface Decision {
  beslutsfattare: Person;
  foredragande: Person;
  deltagare: Person[];
}

const NAME = "\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:af\\s+|von\\s+|de\\s+)?\\p{Lu}[\\p{L}'’-]+)+";
const PERSON = new RegExp(`^(.*?)\\s*(${NAME})$`, 'u');

function person(text: string): Person | undefined {
  const m = PERSON.exec(text.trim().replace(/[.]$/, ''));
  if (!m) return undefined;
  return { titel: (m[1] ?? '').trim(), namn: (m[2] ?? '').trim() };
}

/**
 * Finds the closing decision in a chapter's last paragraphs ("Beslut i detta
 * ärende har fattats av generaldirektör Anna Andersson. Föredragande har varit
 * …"), with the name lines that follow it, so that the tool can write it from
 * `rapport.yaml` instead.
 */
export function readDecision(nodes: RootContent[]): { decision: Decision; used: Set<RootContent> } | undefined {
  const start = nodes.findIndex((n) => isElement(n, 'p') && /^Beslut i (detta|det här) ärende har fattats av/i.test(textOf(n).trim()));
  if (start < 0) return undefined;
  const used = new Set<RootContent>();
  let text = '';
  for (const node of nodes.slice(start)) {
    if (!isElement(node, 'p')) break;
    text += ` ${textOf(node).trim()}`;
    used.add(node);
  }
  const decided = /fattats av\s+(.+?)\.(?:\s|$)/iu.exec(text)?.[1];
  const presented = /Föredragande har varit\s+(.+?)\.(?:\s|$)/iu.exec(text)?.[1];
  const others = /handläggningen har (?:även|också)\s+(.+?)\s+deltagit/iu.exec(text)?.[1];
  const beslutsfattare = decided ? person(decided) : undefined;
  const foredragande = presented ? person(presented) : undefined;
  if (!beslutsfattare || !foredragande) return undefined;
  const deltagare = (others ?? '')
    .split(/,\s*|\s+och\s+/)
    .map((p) => person(p))
    .filter((p): p is Person => p !== undefined);
  // The block is its sentences and the name lines below them that repeat the names.
  const names = new Set([beslutsfattare, foredragande, ...deltagare].map((p) => p.namn));
  const block = new Set<RootContent>();
  for (const node of used) {
    const line = textOf(node).trim();
    if (/^(Beslut i|Föredragande|I den slutliga handläggningen)/iu.test(line) || [...names].some((n) => line === n || line.startsWith(`${n} `) || line.startsWith(`${n},`))) block.add(node);
    else break;
  }
  return { decision: { beslutsfattare, foredragande, deltagare }, used: block };
}
