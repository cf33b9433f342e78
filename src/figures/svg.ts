import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { find, svg as svgSchema } from 'property-information';
import { SKIP, visit } from 'unist-util-visit';
import { cleanStyleAttribute, cleanStylesheet, valueReachesOut } from './svg-css.js';

/** The elements of a static SVG drawing: shapes, text, paint servers, clipping, markers and filters. */
const ELEMENTS = [
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'switch', 'style',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'image',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting',
  'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR',
  'feGaussianBlur', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting',
  'feSpotLight', 'feTile', 'feTurbulence',
];

/** Their attributes: geometry, presentation, text, paint servers, filters (by SVG attribute name). */
const ATTRIBUTES = [
  'id', 'class', 'style', 'transform', 'xmlns', 'xmlns:xlink', 'version', 'xml:space', 'lang', 'xml:lang',
  'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr', 'd', 'points', 'width', 'height', 'viewBox', 'preserveAspectRatio', 'pathLength',
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'stroke-dasharray',
  'stroke-dashoffset', 'stroke-opacity', 'opacity', 'color', 'display', 'visibility', 'overflow', 'clip', 'clip-path', 'clip-rule', 'mask', 'filter',
  'vector-effect', 'paint-order', 'shape-rendering', 'text-rendering', 'image-rendering', 'color-interpolation', 'color-interpolation-filters', 'mix-blend-mode', 'isolation',
  'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'font-stretch', 'text-anchor', 'dominant-baseline', 'alignment-baseline',
  'baseline-shift', 'letter-spacing', 'word-spacing', 'text-decoration', 'writing-mode', 'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust', 'startOffset', 'method', 'spacing', 'side',
  'offset', 'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'spreadMethod', 'patternUnits', 'patternContentUnits', 'patternTransform',
  'clipPathUnits', 'maskUnits', 'maskContentUnits', 'markerWidth', 'markerHeight', 'markerUnits', 'refX', 'refY', 'orient', 'marker-start', 'marker-mid', 'marker-end',
  'filterUnits', 'primitiveUnits', 'in', 'in2', 'result', 'stdDeviation', 'mode', 'operator', 'k1', 'k2', 'k3', 'k4', 'values', 'type', 'tableValues', 'slope', 'intercept',
  'amplitude', 'exponent', 'flood-color', 'flood-opacity', 'lighting-color', 'radius', 'scale', 'xChannelSelector', 'yChannelSelector', 'baseFrequency', 'numOctaves', 'seed',
  'stitchTiles', 'kernelMatrix', 'order', 'divisor', 'bias', 'targetX', 'targetY', 'edgeMode', 'preserveAlpha', 'surfaceScale', 'diffuseConstant', 'specularConstant',
  'specularExponent', 'azimuth', 'elevation', 'z', 'pointsAtX', 'pointsAtY', 'pointsAtZ', 'limitingConeAngle', 'requiredFeatures', 'systemLanguage',
];

/** Attributes that point at something: only a place in the same drawing, or an embedded PNG, JPEG or GIF. */
const REFERENCES = ['href', 'xlink:href'];
const SAFE_REFERENCE = /^\s*(?:#|data:image\/(?:png|jpeg|gif);base64,)/i;

/** A value is safe when it fetches nothing (url() only to a place in the drawing) and runs nothing. */
const UNSAFE_VALUE = /url\(\s*['"]?\s*(?!#)|javascript:|vbscript:|expression\s*\(|@import/i;
const SAFE_VALUE = /^(?![\s\S]*(?:url\(\s*['"]?\s*(?!#)|javascript:|vbscript:|expression\s*\(|@import))/i;

const property = (attribute: string): string => find(svgSchema, attribute).property;

/** The allow-list hast-util-sanitize enforces: the elements above, their attributes with safe values, no comments. */
const SCHEMA: Schema = {
  tagNames: ELEMENTS,
  attributes: { '*': [...ATTRIBUTES.map((a) => [property(a), SAFE_VALUE] as [string, RegExp]), ...REFERENCES.map((a) => [property(a), SAFE_REFERENCE] as [string, RegExp])] },
  protocols: {},
  strip: ['script', 'foreignObject', 'metadata', 'iframe', 'object', 'embed'],
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
};

/** What sanitising made of an SVG file: the safe drawing, and what was taken out that could have run or fetched. */
export interface SanitisedSvg {
  svg: string;
  removed: string[];
}

/** Text for the author naming an attribute and its value (shortened). */
function shown(name: string, value: unknown): string {
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  return `${name}="${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

/** The attribute name of a hast property, as the author wrote it. */
const attributeName = (prop: string): string => find(svgSchema, prop).attribute;

/**
 * Makes an SVG file safe to put into the report: no scripts, no event
 * handlers, no embedded HTML, and no references to other files or
 * addresses (a drawing that fetched something would leak the reader's visit
 * and could change after publication). What could run or fetch is named in
 * `removed`, for a warning; harmless editor metadata is dropped silently.
 * Returns undefined when the file holds no SVG drawing.
 */
export function sanitiseSvg(text: string): SanitisedSvg | undefined {
  const tree = fromHtml(text, { fragment: true });
  const root = tree.children.find((c): c is Element => c.type === 'element' && c.tagName === 'svg');
  if (!root) return undefined;
  const removed = new Set<string>();
  visit(root, 'element', (node, index, parent) => {
    if (['script', 'foreignObject', 'iframe', 'object', 'embed'].includes(node.tagName)) {
      removed.add(`<${node.tagName}>`);
      return SKIP;
    }
    if (node.tagName === 'style') {
      // All the text inside, as a browser reads it as CSS (an element inside <style> is text to CSS).
      let css = '';
      visit(node, 'text', (t) => {
        css += t.value;
      });
      const cleaned = cleanStylesheet(css);
      for (const r of cleaned.removed) removed.add(`<style> ${r}`);
      node.children = cleaned.css ? [{ type: 'text', value: cleaned.css }] : [];
      return SKIP;
    }
    for (const [prop, value] of Object.entries(node.properties)) {
      const name = attributeName(prop);
      const written = Array.isArray(value) ? value.join(' ') : String(value);
      if (/^on/i.test(name)) removed.add(name);
      else if (REFERENCES.includes(name)) {
        if (!SAFE_REFERENCE.test(written)) removed.add(shown(name, value));
      } else if (name === 'style') {
        const cleaned = cleanStyleAttribute(written);
        for (const r of cleaned.removed) removed.add(`style="${r}"`);
        if (cleaned.css) node.properties[prop] = cleaned.css;
        else delete node.properties[prop];
      } else if (UNSAFE_VALUE.test(written) || valueReachesOut(written)) {
        removed.add(shown(name, value));
        delete node.properties[prop];
      }
    }
    return undefined;
  });
  const safe = sanitize({ type: 'root', children: [root] } as Root, SCHEMA) as Root;
  const drawing = safe.children.find((c: RootContent): c is Element => c.type === 'element' && c.tagName === 'svg');
  if (!drawing) return undefined;
  drawing.properties['xmlns'] = 'http://www.w3.org/2000/svg';
  let linked = false;
  visit(drawing, 'element', (node) => {
    if (node.properties['xLinkHref'] !== undefined) linked = true;
  });
  if (linked) drawing.properties['xmlnsXLink'] = 'http://www.w3.org/1999/xlink';
  else delete drawing.properties['xmlnsXLink'];
  return { svg: toHtml(drawing, { space: 'svg', closeEmptyElements: true }), removed: [...removed] };
}
