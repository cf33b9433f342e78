/** Why a request is refused, or undefined when it may be answered. */
export type Refusal = { id: 'preview.refused-host'; host: string } | { id: 'preview.refused-origin'; origin: string } | { id: 'preview.refused-site'; site: string };

/**
 * The host names (with the port) the preview answers to: the loopback names,
 * the address it listens on, and any names the author allows (`--allow-host`,
 * for a preview on the local network).
 */
export function allowedHosts(listening: string, port: number, extra: readonly string[]): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]', listening.includes(':') && !listening.startsWith('[') ? `[${listening}]` : listening, ...extra];
  return new Set(names.map((n) => `${n.toLowerCase()}:${port}`));
}

/**
 * Decides whether a request may be answered. A web page elsewhere can reach
 * the preview by rebinding its own host name to this machine (DNS rebinding)
 * or by sending requests from another site; both are refused: the `Host`
 * must be one of the preview's own, an `Origin` must be the preview itself,
 * and `Sec-Fetch-Site` (sent by Chromium and Firefox) must say the request
 * comes from the preview's own pages or from the author typing the address.
 */
export function refusal(headers: { host?: string | undefined; origin?: string | undefined; 'sec-fetch-site'?: string | string[] | undefined }, allowed: ReadonlySet<string>): Refusal | undefined {
  const host = (headers.host ?? '').toLowerCase();
  if (!allowed.has(host)) return { id: 'preview.refused-host', host: host || '(ingen)' };
  const origin = headers.origin;
  if (origin !== undefined) {
    let originHost: string | undefined;
    try {
      const url = new URL(origin);
      originHost = url.protocol === 'http:' ? url.host.toLowerCase() : undefined;
    } catch {
      originHost = undefined;
    }
    if (!originHost || !allowed.has(originHost)) return { id: 'preview.refused-origin', origin };
  }
  const site = headers['sec-fetch-site'];
  const siteValue = Array.isArray(site) ? site[0] : site;
  if (siteValue !== undefined && siteValue !== 'same-origin' && siteValue !== 'none') return { id: 'preview.refused-site', site: siteValue };
  return undefined;
}

/**
 * Headers on every answer: nothing is cached or sniffed, the page cannot be
 * framed, links leak no address, and the page may load only its own assets
 * and the preview's script.
 */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'content-security-policy': csp,
    'cross-origin-resource-policy': 'same-origin',
  };
}
