import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { dataUrl, type ImageAsset } from '../figures/image-asset.js';
import type { PreparedFigures } from '../figures/prepare.js';
import type { FigureModel } from '../model/figures.js';
import { tableElement } from './tables.js';

/** The two outputs: the web page (files beside it) and the print document (everything inline). */
export type Target = 'page' | 'print';

/** Where an output finds an image: its published file on the page, its bytes as a data: URL in print. */
export function imageSrc(image: ImageAsset, target: Target): string {
  return target === 'page' ? image.href : dataUrl(image);
}

/**
 * Points every `<img>` of the author's text at the checked image: its
 * content-named file on the page, its data in print, with its size so the
 * page does not jump while it loads.
 */
export function useImages(tree: Root | Element, images: ReadonlyMap<string, ImageAsset>, target: Target): void {
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'img') return;
    const image = images.get(String(node.properties['src'] ?? ''));
    if (!image) return;
    node.properties['src'] = imageSrc(image, target);
    if (image.width && image.height) Object.assign(node.properties, { width: image.width, height: image.height });
  });
}

/**
 * A placed figure: the chart's SVG (as an image with the caption as its
 * title and the description as its description) or the image, the caption
 * `Figur N. …` under it, and on the web page, after the figure, the chart's
 * numbers as a table behind a disclosure, with links to them as open data.
 */
export function figureElement(figure: FigureModel, number: number, prepared: PreparedFigures, target: Target): Element | undefined {
  const id = `figur-${number}`;
  let drawing: Element;
  const chart = prepared.charts.get(figure.key);
  if (chart) {
    drawing = structuredClone(chart);
    drawing.properties['role'] = 'img';
    // The page names the image by its title and describes it by its description; the PDF's
    // tag takes its Alt text from the name, and there the description is what the reader needs.
    drawing.properties['className'] = ['chart'];
    if (target === 'page') {
      Object.assign(drawing.properties, { ariaLabelledBy: [`${id}-titel`], ariaDescribedBy: [`${id}-beskrivning`] });
      drawing.children.unshift(h('title', { id: `${id}-titel` }, figure.caption), h('desc', { id: `${id}-beskrivning` }, figure.description));
    } else drawing.properties['ariaLabel'] = figure.description;
  } else {
    const image = figure.image === undefined ? undefined : prepared.images.get(figure.image);
    if (!image) return undefined;
    drawing = h('img', { className: ['figure-image'], src: imageSrc(image, target), alt: figure.description, ...(image.width && image.height ? { width: image.width, height: image.height } : {}) });
  }
  const caption = [h('span', { className: ['label'] }, `Figur ${number}.`), ` ${figure.caption}`];
  // In the PDF a <figure> would be a second Figure tag, without Alt text, around the image's own.
  if (target === 'print') return h('div', { className: ['figure', ...(figure.chart ? ['figure-chart'] : [])], id }, [drawing, h('p', { className: ['figcaption'] }, caption)]);
  const element = h('figure', { className: ['figure', ...(figure.chart ? ['figure-chart'] : [])], id }, [drawing, h('figcaption', caption)]);
  if (!figure.chart) return element;
  // The chart's numbers follow the figure (a caption must end it): a table behind a disclosure, and the files.
  const table = tableElement(figure.chart.data);
  table.children.unshift(h('caption', { id: `${id}-siffror` }, `Siffrorna i figur ${number}`));
  return h('div', { className: ['figure-block'] }, [
    element,
    h('details', { className: ['figure-data'] }, [
      h('summary', `Siffrorna i figur ${number}`),
      h('div', { className: ['table-scroll'], role: 'group', ariaLabelledBy: `${id}-siffror`, tabIndex: 0 }, [table]),
      h('p', { className: ['figure-files'] }, ['Som öppna data: ', h('a', { href: `data/${figure.file}.xlsx` }, `${figure.file}.xlsx`), ' (för Excel), ', h('a', { href: `data/${figure.file}.csv` }, `${figure.file}.csv`), ' (för maskinläsning).']),
    ]),
  ]);
}
