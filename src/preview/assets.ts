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
`;
