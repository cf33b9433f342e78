/** An object of a statement: another resource, or a text with its language or datatype. */
export type RdfObject = { iri: string } | { text: string; lang?: string; datatype?: string };

/** The namespaces the record uses, by the prefix it writes them with. */
export const NAMESPACES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dcatap: 'http://data.europa.eu/r5r/',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

export type Prefix = keyof typeof NAMESPACES;
/** A property or class written as `prefix:local`. */
export type QName = `${Prefix}:${string}`;

/** The full address of a `prefix:local` name. */
export function expand(name: QName): string {
  const [prefix, local] = name.split(':') as [Prefix, string];
  return `${NAMESPACES[prefix]}${local}`;
}

/**
 * Characters XML 1.0 cannot carry at all, even escaped: the C0 controls but
 * tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A text as XML can hold it: what XML 1.0 cannot represent is left out (escaping is the XML writer's). */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

/**
 * A small RDF graph of named resources, in the order they were first
 * described, written as RDF/XML: one `rdf:Description` per resource, each
 * statement a property element (`rdf:resource` for a resource,
 * `xml:lang` or `rdf:datatype` for a text). The XML is written by
 * xmlbuilder2, which escapes every text and attribute (`<`, `&`, `>`, so
 * `]]>` too); characters XML 1.0 cannot represent are left out first.
 */
export class RdfGraph {
  private readonly subjects = new Map<string, { property: QName; object: RdfObject }[]>();

  /** Adds one statement (a repeated one only once). */
  add(subject: string, property: QName, object: RdfObject): void {
    const list = this.subjects.get(subject) ?? [];
    const same = (o: RdfObject) => JSON.stringify(o) === JSON.stringify(object);
    if (!list.some((s) => s.property === property && same(s.object))) list.push({ property, object });
    this.subjects.set(subject, list);
  }

  /** Declares a resource's class. */
  type(subject: string, ...classes: QName[]): void {
    for (const c of classes) this.add(subject, 'rdf:type', { iri: expand(c) });
  }

  /** The graph as an RDF/XML document. */
  async toXml(): Promise<string> {
    // Node and the bundle present the package's exports differently.
    const loaded = (await import('xmlbuilder2')) as typeof import('xmlbuilder2') & { default?: typeof import('xmlbuilder2') };
    const create = typeof loaded.create === 'function' ? loaded.create : (loaded.default as typeof import('xmlbuilder2')).create;
    const XMLNS = 'http://www.w3.org/2000/xmlns/';
    const XML = 'http://www.w3.org/XML/1998/namespace';
    const rdf = NAMESPACES.rdf;
    const root = create({ version: '1.0', encoding: 'utf-8' }).ele(rdf, 'rdf:RDF');
    for (const [prefix, uri] of Object.entries(NAMESPACES)) if (prefix !== 'rdf') root.att(XMLNS, `xmlns:${prefix}`, uri);
    for (const [subject, list] of this.subjects) {
      const node = root.ele(rdf, 'rdf:Description').att(rdf, 'rdf:about', xmlText(subject));
      for (const { property, object } of list) {
        const [prefix] = property.split(':') as [Prefix];
        const element = node.ele(NAMESPACES[prefix], property);
        if ('iri' in object) element.att(rdf, 'rdf:resource', xmlText(object.iri));
        else {
          if (object.lang) element.att(XML, 'xml:lang', object.lang);
          if (object.datatype) element.att(rdf, 'rdf:datatype', object.datatype);
          element.txt(xmlText(object.text));
        }
      }
    }
    return `${root.end({ prettyPrint: true, wellFormed: true })}\n`;
  }
}
