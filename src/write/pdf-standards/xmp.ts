import type { PdfMetadata } from '../pdf-finish.js';
import { TOOL_PRODUCER } from '../../load/tool-package.js';

/** The standards a PDF can claim in its XMP metadata. */
export interface XmpClaims {
  /** PDF/A-2u: `pdfaid:part 2`, `pdfaid:conformance U` (ISO 19005-2, 6.6.4). */
  pdfa: boolean;
  /** PDF/UA-1: `pdfuaid:part 1` (ISO 14289-1, 5), with the extension schema PDF/A requires for it. */
  pdfua: boolean;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The PDF/A extension schema that declares `pdfuaid` (ISO 19005-2,
 * 6.6.2.3: a property outside the XMP specification's own schemas must be
 * declared in the file; veraPDF rules 6.6.2.3.1-1 and 6.6.2.3.3-*).
 */
const PDFUA_EXTENSION = `<rdf:Description rdf:about=""
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas>
<rdf:Bag>
<rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property>
<rdf:Seq>
<rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li>
</rdf:Seq>
</pdfaSchema:property>
</rdf:li>
</rdf:Bag>
</pdfaExtension:schemas>
</rdf:Description>
`;

/** The XMP date form of the info dictionary's date (the same instant, to the second). */
export function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * An XMP packet (ISO 16684-1) with title, author, description, language,
 * keywords, producer and dates matching the info dictionary, and the
 * standards claimed. Returned as text: write it to the PDF as UTF-8
 * (veraPDF 6.6.2.1-5); the packet header has no `bytes` or `encoding`
 * attribute (6.6.2.1-2, -3) and begins with U+FEFF.
 */
export function xmpPacket(meta: PdfMetadata, claims: XmpClaims = { pdfa: false, pdfua: false }): string {
  const date = xmpDate(meta.date);
  const pdfaid = claims.pdfa ? '\n xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"' : '';
  const pdfuaid = claims.pdfua ? '\n xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"' : '';
  const ids = `${claims.pdfa ? '<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>U</pdfaid:conformance>\n' : ''}${claims.pdfua ? '<pdfuaid:part>1</pdfuaid:part>\n' : ''}`;
  // Room to edit the packet in place, as the XMP specification recommends.
  const padding = `${' '.repeat(99)}\n`.repeat(20);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"${pdfaid}${pdfuaid}>
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${escapeXml(meta.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>${escapeXml(meta.language)}</rdf:li></rdf:Bag></dc:language>
<pdf:Keywords>${escapeXml(meta.keywords.join(', '))}</pdf:Keywords>
<pdf:Producer>${escapeXml(TOOL_PRODUCER)}</pdf:Producer>
<xmp:CreatorTool>${escapeXml(TOOL_PRODUCER)} (Chromium, Paged.js)</xmp:CreatorTool>
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
${ids}</rdf:Description>
${claims.pdfua ? PDFUA_EXTENSION : ''}</rdf:RDF>
</x:xmpmeta>
${padding}<?xpacket end="w"?>`;
}
