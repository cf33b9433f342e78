/**
 * The preview's own script, served from the preview (not inline) so the
 * Content-Security-Policy can forbid inline scripts: it reloads the page
 * when the report is rebuilt.
 */
export const RELOAD_SCRIPT = `(() => {
  const events = new EventSource('/__redovisning/events');
  events.onmessage = () => location.reload();
})();
`;

/** The overlay's style, served from the preview for the same reason. */
export const OVERLAY_CSS = `#redovisning-overlay { position: fixed; inset: 0; background: rgba(20, 20, 20, .92); color: #fff; font: 15px/1.5 monospace; padding: 2rem; overflow: auto; z-index: 1000; }
#redovisning-overlay h2 { font: bold 20px sans-serif; margin: 0 0 1rem; }
#redovisning-overlay li { margin-bottom: .6rem; }
#redovisning-overlay li.error { color: #ff9c9c; }
#redovisning-overlay li.warning { color: #ffe08a; }
#redovisning-review { position: fixed; right: 1rem; bottom: 1rem; max-width: min(44rem, calc(100vw - 2rem)); max-height: 45vh; overflow: auto; background: #1e1e1e; color: #fff; font: 14px/1.45 monospace; padding: .6rem 1rem; border-radius: 6px; box-shadow: 0 2px 12px rgba(0, 0, 0, .35); z-index: 1000; }
#redovisning-review summary { cursor: pointer; font: bold 15px sans-serif; }
#redovisning-review ol { margin: .5rem 0 0; padding-left: 1.4rem; }
#redovisning-review li { margin-bottom: .4rem; }
#redovisning-review li.warning { color: #ffe08a; }
`;
