import { LAYOUT_RESULT } from './pdf.js';

/**
 * Runs in the preview's kept print page, after Paged.js and the layout
 * handlers of pdf.ts are loaded: lays the report out once in full, keeping
 * Paged.js' chunker and, per page, where the page ends in the flow (its break
 * token) and what the next page starts from (the footnote counters, whether
 * notes carry over, where the page stands); then, after a save, lays out
 * again only from the page before the first change, until a page ends at the
 * same place in the flow with the same footnote numbers as before, and keeps
 * the old pages after it.
 *
 * The source (Paged.js' parsed copy of the body) is patched in place: the
 * new body goes through the same hooks as a full layout (beforeParsed,
 * references, filter, afterParsed) and is compared node by node with the
 * old, ignoring Paged.js' references; the changed run of siblings replaces
 * the old one, so the break tokens of the pages before and after still point
 * into the source, and the kept pages' references stay right.
 */
export const RELAYOUT = `
(() => {
  const FOLLOWING = Node.DOCUMENT_POSITION_FOLLOWING;
  const PRECEDING = Node.DOCUMENT_POSITION_PRECEDING;
  let linear;
  let footnotes;
  // The instances of the handlers whose state a resumed layout must restore.
  const capture = (Kind, set) => {
    const before = Kind.prototype.beforePageLayout;
    Kind.prototype.beforePageLayout = function (...args) {
      set(this);
      return before && before.apply(this, args);
    };
  };
  capture(LinearLayout, (handler) => (linear = handler));
  const Footnotes = Paged.registeredHandlers.find((Kind) => Kind.prototype && typeof Kind.prototype.moveFootnote === 'function' && typeof Kind.prototype.handleAlignment === 'function');
  capture(Footnotes, (handler) => (footnotes = handler));
  // LinearLayout puts the pages it took out back before the first one still in place (in a full
  // layout that is the first child: the same); its screen style is kept, to be lifted for a relayout.
  LinearLayout.prototype.afterRendered = function () {
    if (this.spacer) this.spacer.remove();
    if (this.finishedPages) {
      const area = this.finishedPages.area;
      const first = this.finished.map((f) => f.element).find((element) => element.parentNode === area);
      area.insertBefore(this.finishedPages.fragment, first || null);
    }
    const screen = document.createElement('style');
    screen.textContent = '@media screen { .pagedjs_pages { display: none !important; } }';
    document.head.appendChild(screen);
    this.screen = screen;
    for (const { element, page } of this.finished) {
      if (page) page.removeListeners();
      element.style.removeProperty('display');
      if (!element.getAttribute('style')) element.removeAttribute('style');
    }
  };
  const afterParsed = LinearLayout.prototype.afterParsed;
  LinearLayout.prototype.afterParsed = function (...args) {
    if (this.parsedOnce) return;
    this.parsedOnce = true;
    return afterParsed.apply(this, args);
  };

  /** Per page laid out: where it ends in the flow and what the next page starts from. */
  class Snapshots extends Paged.Handler {
    constructor(chunker, polisher, caller) {
      super(chunker, polisher, caller);
      this.pages = [];
      this.chunker = chunker;
      window.redovisningSnapshots = this;
    }
    afterPageLayout(pageElement, page, breakToken) {
      this.token = breakToken;
    }
    finalizePage(pageElement, page) {
      this.pages.push({
        page,
        token: this.token,
        node: this.token ? this.token.node : undefined,
        offset: this.token ? this.token.offset : undefined,
        maxChars: this.chunker.settings.maxChars,
        blank: Boolean(page.blank),
        calls: linear.calls,
        markers: linear.markers,
        carried: Boolean(footnotes && footnotes.needsLayout.length),
        top: linear.height || 0,
      });
      this.token = undefined;
    }
  }
  Paged.registerHandlers(Snapshots);

  const equal = (a, b) => {
    if (a.nodeType !== b.nodeType) return false;
    if (a.nodeType !== 1) return a.nodeValue === b.nodeValue;
    if (a.nodeName !== b.nodeName || !sameAttributes(a, b)) return false;
    const ac = a.childNodes;
    const bc = b.childNodes;
    if (ac.length !== bc.length) return false;
    for (let i = 0; i < ac.length; i++) if (!equal(ac[i], bc[i])) return false;
    return true;
  };
  const sameAttributes = (a, b) => {
    let n = 0;
    for (const attribute of a.attributes) {
      if (attribute.name === 'data-ref') continue;
      n++;
      if (b.getAttribute(attribute.name) !== attribute.value) return false;
    }
    let m = 0;
    for (const attribute of b.attributes) if (attribute.name !== 'data-ref') m++;
    return n === m;
  };
  // A block that holds only blocks is compared child by child; one that holds text is replaced whole.
  const holdsBlocks = (element) => [...element.childNodes].every((c) => c.nodeType === 1 || (c.nodeType === 3 && !c.nodeValue.trim()));
  /** The run of siblings that differs between the old source and the new, innermost; undefined when none does. */
  const difference = (oldParent, newParent) => {
    const a = [...oldParent.childNodes];
    const b = [...newParent.childNodes];
    let p = 0;
    while (p < a.length && p < b.length && equal(a[p], b[p])) p++;
    if (p === a.length && p === b.length) return undefined;
    let s = 0;
    while (s < a.length - p && s < b.length - p && equal(a[a.length - 1 - s], b[b.length - 1 - s])) s++;
    const oldNodes = a.slice(p, a.length - s);
    const newNodes = b.slice(p, b.length - s);
    const [o] = oldNodes;
    const [n] = newNodes;
    if (oldNodes.length === 1 && newNodes.length === 1 && o.nodeType === 1 && n.nodeType === 1 && o.nodeName === n.nodeName && sameAttributes(o, n) && o.childNodes.length && holdsBlocks(o) && holdsBlocks(n)) {
      return difference(o, n);
    }
    return { parent: oldParent, oldNodes, newNodes, next: a[a.length - s] || null };
  };
  let refs = 0;
  const addRefs = (content) => {
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_ELEMENT, null, false);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.hasAttribute('data-ref')) node.setAttribute('data-ref', 'relaid-' + (++refs));
      if (node.id) node.setAttribute('data-id', node.id);
    }
  };

  /** What Paged.js' Splits handler does after laying out a page, for a kept page after a new one. */
  const markSplits = (pageElement, previousPage) => {
    if (!previousPage) return;
    let from;
    for (const split of pageElement.querySelectorAll('[data-split-from]')) {
      const ref = split.dataset.ref;
      from = previousPage.querySelector("[data-ref='" + ref + "']:not([data-split-to])");
      if (from) {
        from.dataset.splitTo = ref;
        if (!from.dataset.splitFrom) from.dataset.splitOriginal = true;
      }
    }
    if (from) {
      const styles = window.getComputedStyle(from);
      from.dataset.lastSplitElement = 'true';
      from.dataset.alignLastSplitElement = styles['text-align'] === 'justify' && styles['text-align-last'] === 'auto' ? 'justify' : styles['text-align-last'];
    }
  };

  let chunker;
  window.redovisningRelayout = {
    /** The first layout: Paged.js over the whole document, as a build lays it out. */
    async full() {
      await document.fonts.ready;
      const previewer = new Paged.Previewer();
      const flow = await previewer.preview();
      chunker = previewer.chunker;
      return { result: (${LAYOUT_RESULT})(flow.total), laidOut: flow.total, from: 0 };
    },
    /** A layout of a new body under the same head, from the page before the first change. */
    async again(html) {
      const snapshots = window.redovisningSnapshots;
      const old = snapshots.pages;
      if (!chunker || old.length !== chunker.pages.length || old.some((s) => s.blank)) return { fallback: 'pages' };
      const parsedDocument = new DOMParser().parseFromString(html, 'text/html');
      const template = document.createElement('template');
      template.innerHTML = parsedDocument.body.innerHTML;
      const content = template.content;
      await chunker.hooks.beforeParsed.trigger(content, chunker);
      addRefs(content);
      chunker.hooks.filter.triggerSync(content);
      await chunker.hooks.afterParsed.trigger(content, chunker);
      const source = chunker.source;
      const change = difference(source, content);
      if (!change) return { result: (${LAYOUT_RESULT})(chunker.total), laidOut: 0, from: chunker.total };
      const { parent, oldNodes, newNodes, next } = change;
      // Where the change starts in the old source: the pages that end before it stay.
      const marker = document.createComment('');
      parent.insertBefore(marker, oldNodes[0] || next);
      const before = (s) => s.node && (marker.compareDocumentPosition(s.node) & PRECEDING) !== 0;
      let first = old.findIndex((s) => !before(s));
      if (first < 0) first = old.length - 1;
      marker.remove();
      // One page more: a page's break may depend on what follows it (break-after: avoid, orphans).
      let from = Math.max(0, first - 1);
      while (from > 0 && (old[from - 1].carried || !old[from - 1].node)) from--;

      // The pages from there are taken out (kept aside for reuse); the layout state is that after the page before.
      const pages = chunker.pages;
      const kept = pages.slice(from);
      for (const page of kept) page.element.remove();
      chunker.pages = pages.slice(0, from);
      chunker.total = from;
      snapshots.pages = old.slice(0, from);
      const previous = old[from - 1];
      if (linear.screen) linear.screen.remove();
      linear.calls = previous ? previous.calls : 0;
      linear.markers = previous ? previous.markers : 0;
      linear.finished = previous ? [{ element: previous.page.element, page: previous.page }] : [];
      linear.spacer = undefined;
      linear.finishedPages = undefined;
      linear.height = 0;
      if (from >= 2) {
        // The pages before the one before stay out of the document while the layout runs, as in a full layout.
        const area = chunker.pagesArea;
        const fragment = document.createDocumentFragment();
        for (const page of chunker.pages.slice(0, from - 1)) fragment.appendChild(page.element);
        linear.finishedPages = { fragment, area };
        linear.spacer = document.createElement('div');
        linear.height = previous.top;
        linear.spacer.style.height = linear.height + 'px';
        area.parentNode.insertBefore(linear.spacer, area);
      }
      if (from === 0) {
        chunker.settings.maxChars = undefined;
        chunker.charsPerBreak = [];
        chunker.maxChars = undefined;
      }
      for (const node of oldNodes) node.remove();
      for (const node of newNodes) parent.insertBefore(node, next);
      // A page ends past the change when its break is at or after the first unchanged node after it.
      const past = (node) => {
        if (!node || !source.contains(node)) return false;
        if (next) return node === next || (next.compareDocumentPosition(node) & FOLLOWING) !== 0;
        const position = parent.compareDocumentPosition(node);
        return (position & FOLLOWING) !== 0 && (position & Node.DOCUMENT_POSITION_CONTAINED_BY) === 0;
      };

      const renderer = chunker.layout(source, previous ? previous.token : undefined);
      let converged = -1;
      for (;;) {
        const step = await renderer.next();
        if (step.done) break;
        const index = snapshots.pages.length - 1;
        const now = snapshots.pages[index];
        const then = old[index];
        if (now && then && index < old.length - 1 && !now.blank && !now.carried && !then.carried && now.node && now.node === then.node && now.offset === then.offset && now.calls === then.calls && now.markers === then.markers && now.maxChars === then.maxChars && past(now.node)) {
          converged = index;
          break;
        }
      }
      const laidOut = chunker.pages.length - from;
      const reused = converged >= 0 ? kept.slice(converged + 1 - from) : [];
      for (const page of kept) if (!reused.includes(page)) page.destroy();
      await chunker.hooks.afterRendered.trigger(chunker.pages, chunker);
      for (const page of reused) {
        chunker.pagesArea.appendChild(page.element);
        chunker.pages.push(page);
      }
      // Paged.js marks where an element split across pages continues (data-split-to, the last line's
      // alignment) when it lays out the next page: the first kept page marks the last new one.
      if (reused.length) markSplits(reused[0].element, reused[0].element.previousElementSibling);
      if (converged >= 0) snapshots.pages.push(...old.slice(converged + 1));
      chunker.total = chunker.pages.length;
      chunker.pagesArea.style.setProperty('--pagedjs-page-count', chunker.total);
      return { result: (${LAYOUT_RESULT})(chunker.total), laidOut, from };
    },
  };
})();
`;
