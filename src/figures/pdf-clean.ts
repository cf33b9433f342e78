import { PDFArray, PDFDict, PDFName, PDFRef, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';

/** Actions that run, launch, send, fetch or play something: only going to a place or opening a link is kept. */
const ACTIVE_ACTIONS = new Set(['JavaScript', 'Launch', 'SubmitForm', 'ImportData', 'ResetForm', 'GoToR', 'GoToE', 'GoTo3DView', 'Rendition', 'Movie', 'Sound', 'RichMediaExecute', 'Hide']);

/** Annotations that hold a form field, a file or a player. */
const ACTIVE_ANNOTATIONS: Record<string, string> = { Widget: '/AcroForm', FileAttachment: '/EmbeddedFiles', Screen: '/Screen', Movie: '/Movie', Sound: '/Sound', RichMedia: '/RichMedia', '3D': '/3D' };

const name = (key: string): PDFName => PDFName.of(key);

/** The value of a PDF name object without its slash, or undefined. */
function nameOf(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFName ? value.decodeText() : undefined;
}

/**
 * Takes every active thing out of a loaded PDF, in place: the document's
 * /OpenAction and /AA, JavaScript (named, in actions, in /JS), every action
 * but going to a place or opening a link (/Launch, /SubmitForm, …), page and
 * annotation /AA, embedded files (/EmbeddedFiles, /EF, file attachment
 * annotations), forms (/AcroForm and its widgets) and XFA, and players;
 * then drops the objects nothing refers to any more, so their bytes are not
 * written either. Returns what was found, as PDF names (`/JavaScript`), for
 * the author; empty when the document had none of it.
 */
export function removeActiveContent(doc: PDFDocument): string[] {
  const removed = new Set<string>();
  const context = doc.context;
  const resolve = (value: PDFObject | undefined): PDFObject | undefined => (value instanceof PDFRef ? context.lookup(value) : value);
  /** True (and noted) when an action dictionary does something active. */
  const active = (value: PDFObject | undefined): boolean => {
    const action = resolve(value);
    if (!(action instanceof PDFDict)) return false;
    const kind = nameOf(action.get(name('S')));
    if (kind && ACTIVE_ACTIONS.has(kind)) {
      removed.add(`/${kind}`);
      return true;
    }
    return false;
  };

  const catalog = doc.catalog;
  if (catalog.has(name('OpenAction'))) {
    removed.add('/OpenAction');
    active(catalog.get(name('OpenAction')));
    catalog.delete(name('OpenAction'));
  }
  const names = resolve(catalog.get(name('Names')));
  if (names instanceof PDFDict) {
    for (const key of ['JavaScript', 'EmbeddedFiles']) {
      if (names.has(name(key))) {
        removed.add(`/${key}`);
        names.delete(name(key));
      }
    }
  }
  const form = resolve(catalog.get(name('AcroForm')));
  if (form !== undefined) {
    removed.add('/AcroForm');
    if (form instanceof PDFDict && form.has(name('XFA'))) removed.add('/XFA');
    catalog.delete(name('AcroForm'));
  }
  catalog.delete(name('NeedsRendering'));

  const seen = new Set<PDFObject>();
  const clean = (value: PDFObject | undefined): void => {
    const object = resolve(value);
    if (object === undefined || seen.has(object)) return;
    seen.add(object);
    if (object instanceof PDFArray) {
      for (const item of object.asArray()) clean(item);
      return;
    }
    const dict = object instanceof PDFStream ? object.dict : object;
    if (!(dict instanceof PDFDict)) return;
    // An active action wherever it is (under a key a damaged file renamed, say) is emptied: it can do nothing.
    if (active(dict)) {
      for (const key of dict.keys()) dict.delete(key);
      return;
    }
    const triggers = resolve(dict.get(name('AA')));
    if (triggers !== undefined) {
      removed.add('/AA');
      // Name what the triggers would have done (a /Launch on opening a page, …).
      if (triggers instanceof PDFDict) for (const [, action] of triggers.entries()) active(action);
      dict.delete(name('AA'));
    }
    if (dict.has(name('JS'))) {
      removed.add('/JavaScript');
      dict.delete(name('JS'));
    }
    // Wherever they are (a damaged file may hold a second catalog or names dictionary).
    for (const key of ['OpenAction', 'AcroForm', 'XFA', 'JavaScript', 'EmbeddedFiles']) {
      if (dict.has(name(key))) {
        removed.add(`/${key}`);
        dict.delete(name(key));
      }
    }
    if (dict.has(name('EF')) || dict.has(name('RF'))) {
      removed.add('/EmbeddedFiles');
      dict.delete(name('EF'));
      dict.delete(name('RF'));
    }
    if (active(dict.get(name('A')))) dict.delete(name('A'));
    const next = resolve(dict.get(name('Next')));
    if (next instanceof PDFArray ? next.asArray().some(active) : active(next)) dict.delete(name('Next'));
    const annotations = resolve(dict.get(name('Annots')));
    if (annotations instanceof PDFArray) {
      for (let i = annotations.size() - 1; i >= 0; i--) {
        const annotation = resolve(annotations.get(i));
        const subtype = annotation instanceof PDFDict ? nameOf(annotation.get(name('Subtype'))) : undefined;
        const what = subtype ? ACTIVE_ANNOTATIONS[subtype] : undefined;
        if (what) {
          removed.add(what);
          annotations.remove(i);
        }
      }
    }
    for (const [, inner] of dict.entries()) clean(inner);
  };
  for (const [, object] of context.enumerateIndirectObjects()) clean(object);
  if (removed.size > 0) dropUnreachable(doc);
  return [...removed].sort();
}

/** Deletes every indirect object that neither the catalog nor the document information reaches. */
function dropUnreachable(doc: PDFDocument): void {
  const context = doc.context;
  const reached = new Set<PDFRef>();
  const pending: PDFObject[] = [context.trailerInfo.Root, context.trailerInfo.Info].filter((o): o is PDFObject => o !== undefined);
  while (pending.length > 0) {
    const value = pending.pop() as PDFObject;
    if (value instanceof PDFRef) {
      if (reached.has(value)) continue;
      reached.add(value);
      const target = context.lookup(value);
      if (target) pending.push(target);
    } else if (value instanceof PDFArray) pending.push(...value.asArray());
    else if (value instanceof PDFStream) pending.push(value.dict);
    else if (value instanceof PDFDict) pending.push(...[...value.entries()].map(([, v]) => v));
  }
  for (const [ref] of context.enumerateIndirectObjects()) if (!reached.has(ref)) context.delete(ref);
}
