import { describe, expect, it } from 'vitest';
import { sanitiseSvg } from '../../src/figures/svg.js';

describe('SVG images are made safe before they reach either output', () => {
  const drawing = (inner: string, attributes = ''): string => `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" ${attributes}>${inner}</svg>`;

  it('keeps a plain drawing as it is: shapes, gradients referred to within it, text', () => {
    const result = sanitiseSvg(drawing('<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)" stroke-miterlimit="4"/><text x="1" y="5" font-family="Source Sans 3">Å &amp; ö</text><use xlink:href="#g"/>'));
    expect(result?.removed).toEqual([]);
    expect(result?.svg).toBe('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="#fff" /></linearGradient></defs><rect width="10" height="10" fill="url(#g)" stroke-miterlimit="4" /><text x="1" y="5" font-family="Source Sans 3">Å &#x26; ö</text><use xlink:href="#g" /></svg>');
  });

  it.each([
    ['a script element', '<script>alert(1)</script>', '', '<script>'],
    ['an event handler', '<rect width="1" height="1" onclick="alert(1)"/>', '', 'onclick'],
    ['an event handler on the drawing', '', 'onload="alert(1)"', 'onload'],
    ['embedded HTML', '<foreignObject><div>x</div></foreignObject>', '', '<foreignObject>'],
    ['an image from the web', '<image href="https://example.org/x.png" width="1" height="1"/>', '', 'href="https://example.org/x.png"'],
    ['a reference to another file', '<use xlink:href="other.svg#a"/>', '', 'xlink:href="other.svg#a"'],
    ['a javascript: link', '<a href="javascript:alert(1)"><text>x</text></a>', '', 'href="javascript:alert(1)"'],
    ['a style sheet that imports', '<style>@import url(https://example.org/x.css); .a { fill: red }</style>', '', '<style> @import url(https://example.org/x.css)'],
    ['a paint from another file', '<rect width="1" height="1" fill="url(https://example.org/p.svg#p)"/>', '', 'fill="url(https://example.org/p.svg#p)"'],
    ['a style attribute that fetches', '<rect width="1" height="1" style="fill:url(http://x/y)"/>', '', 'style="fill:url(http://x/y)"'],
  ])('removes %s and says so', (_, inner, attributes, removed) => {
    const result = sanitiseSvg(drawing(inner, attributes));
    expect(result?.removed).toEqual([removed]);
    expect(result?.svg).not.toMatch(/script|on[a-z]+=|foreignObject|https?:\/\/example|other\.svg|javascript:|@import|http:\/\/x/);
  });

  it.each([
    ['an @import spelt with an escape', '<style>@\\69mport \'http://example.org/a.css\'; .a { fill: red }</style>', '', ["<style> @import 'http://example.org/a.css'"]],
    ['a url() spelt with an escape in a style attribute', '<rect width="1" height="1" style="fill:u\\72l(http://example.org/p);stroke:red"/>', '', ['style="fill:u\\72l(http://example.org/p)"']],
    ['an image-set() in a style sheet', '<style>.a { fill: red; background: image-set(\'http://example.org/i.png\' 1x) }</style>', '', ['<style> background:image-set("http://example.org/i.png"1x)']],
    ['a prefixed image-set() and a font from the web', '<style>@font-face { src: url(http://example.org/f.woff) } .a { background: -webkit-image-set(url(x.png) 1x) }</style>', '', ['<style> @font-face', '<style> background:-webkit-image-set(url(x.png)1x)']],
    ['an escaped url() in a presentation attribute', '<rect width="1" height="1" fill="u\\72l(http://example.org/p)"/>', '', ['fill="u\\72l(http://example.org/p)"']],
    ['a style element hiding CSS in an element', '<style><tspan>@import url(http://example.org/b.css);</tspan></style>', '', ['<style> @import url(http://example.org/b.css)']],
  ])('removes %s, read as a browser reads CSS, and says so', (_, inner, attributes, removed) => {
    const result = sanitiseSvg(drawing(inner, attributes));
    expect(result?.removed).toEqual(removed);
    expect(result?.svg).not.toMatch(/example\.org|\\7|import|image-set|x\.png/i);
  });

  it('keeps the CSS that fetches nothing: rules, @media, url(#id)', () => {
    const result = sanitiseSvg(drawing('<style>.a { fill: url(#g); stroke: red } @media print { .a { fill: black } }</style><rect class="a" style="fill: url(#g); opacity: .5" width="1" height="1"/>'));
    expect(result?.removed).toEqual([]);
    expect(result?.svg).toContain('<style>.a{fill:url(#g);stroke:red}@media print{.a{fill:black}}</style>');
    expect(result?.svg).toContain('style="fill:url(#g);opacity:.5"');
  });

  it('keeps an embedded raster image (a data: URL fetches nothing)', () => {
    const result = sanitiseSvg(drawing('<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>'));
    expect(result?.removed).toEqual([]);
    expect(result?.svg).toContain('href="data:image/png;base64,iVBORw0KGgo="');
  });

  it('finds no drawing in a file that is not SVG', () => {
    expect(sanitiseSvg('<html><body>x</body></html>')).toBeUndefined();
    expect(sanitiseSvg('not a drawing')).toBeUndefined();
  });
});
