/**
 * The Content-Security-Policy of the published page: it needs nothing from
 * elsewhere and runs no script, so everything else is refused. Written into
 * the page as a `<meta>`, so that a web server that sends no policy of its
 * own still protects it.
 */
export const PAGE_CSP = "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/** The preview's policy: the page's, plus its own live-reload script and event stream, and no framing. */
export const PREVIEW_CSP = `${PAGE_CSP}; script-src 'self'; connect-src 'self'; frame-ancestors 'none'`;
