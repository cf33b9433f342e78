import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import rdf from '@zazuko/env';
import { Parser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { RdfXmlParser } from 'rdfxml-streaming-parser';

/** The DCAT-AP 3.0.1 shapes, as SEMIC publishes them (copied unchanged into test/standards/). */
export const DCAT_AP_SHAPES = {
  /** Mandatory properties and cardinalities. */
  mandatory: 'dcat-ap-SHACL.ttl',
  /** The classes of values. */
  ranges: 'ranges.ttl',
  /** Recommended properties, as warnings. */
  recommended: 'shapes_recommended.ttl',
  /** The EU controlled vocabularies. */
  vocabularies: 'mdr-vocabularies.shape.ttl',
} as const;

type Dataset = ReturnType<typeof rdf.dataset>;

/** A Turtle file of the shapes as a dataset. */
function turtle(file: string): Dataset {
  const dataset = rdf.dataset();
  dataset.addAll(new Parser().parse(readFileSync(path.join(import.meta.dirname, 'dcat-ap-3.0.1', file), 'utf8')));
  return dataset;
}

/** Parses an RDF/XML document (with a parser other than the one that wrote it); a document that is not well-formed rejects. */
export async function readRdfXml(xml: string | Buffer): Promise<Dataset> {
  const dataset = rdf.dataset();
  const parser = new RdfXmlParser();
  await new Promise<void>((resolve, reject) => {
    parser.on('data', (quad) => dataset.add(quad));
    parser.on('error', reject);
    parser.on('end', () => resolve());
    Readable.from([xml]).pipe(parser);
  });
  return dataset;
}

/** One result of a validation, readable in a failed expectation. */
export interface ShapeResult {
  severity: string;
  focus: string;
  path: string;
  message: string;
  value: string;
}

/** Validates a record against some of the shapes and lists every result (violations and warnings). */
export async function validate(data: Dataset, shapes: readonly (keyof typeof DCAT_AP_SHAPES)[]): Promise<ShapeResult[]> {
  const shapeGraph = rdf.dataset();
  for (const name of shapes) shapeGraph.addAll(turtle(DCAT_AP_SHAPES[name]));
  const validator = new SHACLValidator(shapeGraph, { factory: rdf });
  const report = await validator.validate(data);
  return report.results.map((r) => ({
    severity: r.severity?.value.replace('http://www.w3.org/ns/shacl#', '') ?? '',
    focus: r.focusNode?.value ?? '',
    path: r.path?.value ?? '',
    message: r.message.map((m) => m.value).join(' '),
    value: r.value?.value ?? '',
  }));
}
