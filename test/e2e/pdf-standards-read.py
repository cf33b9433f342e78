"""Reads a PDF back for the PDF/A-2u and PDF/UA-1 rules the tests check, with
pikepdf (qpdf) and an XML parser, and prints what it found as JSON.

Usage: python3 pdf-standards-read.py file.pdf [srgb.icc]
Rule numbers are those of veraPDF's validation profiles (PDF_A/PDFA-2U.xml,
PDF_UA/PDFUA-1.xml)."""
import hashlib
import json
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf

PAINT = {'Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'Do', 'sh', 'INLINE IMAGE'}
STANDARD_TYPES = set('Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split())
NS = {
    'x': 'adobe:ns:meta/',
    'rdf': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    'dc': 'http://purl.org/dc/elements/1.1/',
    'xmp': 'http://ns.adobe.com/xap/1.0/',
    'pdf': 'http://ns.adobe.com/pdf/1.3/',
    'pdfaid': 'http://www.aiim.org/pdfa/ns/id/',
    'pdfuaid': 'http://www.aiim.org/pdfua/ns/id/',
    'pdfaExtension': 'http://www.aiim.org/pdfa/ns/extension/',
    'pdfaSchema': 'http://www.aiim.org/pdfa/ns/schema#',
    'pdfaProperty': 'http://www.aiim.org/pdfa/ns/property#',
}
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'


def text(value):
    return None if value is None else str(value)


def xmp_facts(raw):
    facts = {'utf8': True, 'wellFormed': True}
    try:
        decoded = raw.decode('utf-8')
    except UnicodeDecodeError:
        facts['utf8'] = False
        decoded = raw.decode('latin-1')
    header = re.match(r'<\?xpacket ([^?]*)\?>', decoded)
    facts['header'] = header.group(1) if header else None
    facts['beginIsBom'] = bool(header and 'begin="\ufeff"' in header.group(1))
    facts['headerHasBytesOrEncoding'] = bool(header and re.search(r'\b(bytes|encoding)=', header.group(1)))
    facts['trailer'] = bool(re.search(r'<\?xpacket end="[rw]"\?>\s*$', decoded))
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as error:
        facts['wellFormed'] = False
        facts['error'] = str(error)
        return facts

    def one(path):
        node = root.find(path, NS)
        return None if node is None else (node.text or '')

    facts['title'] = one('.//dc:title/rdf:Alt/rdf:li')
    title = root.find('.//dc:title/rdf:Alt/rdf:li', NS)
    facts['titleLang'] = None if title is None else title.get(XML_LANG)
    facts['creator'] = one('.//dc:creator/rdf:Seq/rdf:li')
    facts['language'] = one('.//dc:language/rdf:Bag/rdf:li')
    facts['createDate'] = one('.//xmp:CreateDate')
    facts['modifyDate'] = one('.//xmp:ModifyDate')
    facts['producer'] = one('.//pdf:Producer')
    facts['pdfaPart'] = one('.//pdfaid:part')
    facts['pdfaConformance'] = one('.//pdfaid:conformance')
    facts['pdfuaPart'] = one('.//pdfuaid:part')
    schemas = []
    for li in root.findall('.//pdfaExtension:schemas/rdf:Bag/rdf:li', NS):
        props = [{
            'name': p.findtext('pdfaProperty:name', None, NS),
            'valueType': p.findtext('pdfaProperty:valueType', None, NS),
            'category': p.findtext('pdfaProperty:category', None, NS),
            'description': p.findtext('pdfaProperty:description', None, NS),
        } for p in li.findall('pdfaSchema:property/rdf:Seq/rdf:li', NS)]
        schemas.append({
            'schema': li.findtext('pdfaSchema:schema', None, NS),
            'namespaceURI': li.findtext('pdfaSchema:namespaceURI', None, NS),
            'prefix': li.findtext('pdfaSchema:prefix', None, NS),
            'properties': props,
        })
    facts['extensionSchemas'] = schemas
    # Every property's namespace (6.6.2.3.1: predefined, or declared in an extension schema).
    namespaces = set()
    for description in root.iter('{%s}Description' % NS['rdf']):
        for child in description:
            namespaces.add(child.tag.split('}')[0].lstrip('{'))
    facts['propertyNamespaces'] = sorted(namespaces)
    return facts


def main():
    path = sys.argv[1]
    srgb = sys.argv[2] if len(sys.argv) > 2 else '/usr/share/color/icc/sRGB.icc'
    raw = open(path, 'rb').read()
    pdf = pikepdf.open(path)
    out = {}
    first_line = raw.split(b'\n', 1)[0].rstrip(b'\r')
    second = raw.split(b'\n', 2)[1] if raw.count(b'\n') > 1 else b''
    out['header'] = first_line.decode('latin-1')
    out['binaryComment'] = len(second) >= 5 and second[:1] == b'%' and all(b > 127 for b in second[1:5])
    eof = raw.rfind(b'%%EOF')
    out['afterEof'] = len(raw) - eof - 5
    ids = pdf.trailer.get('/ID')
    out['id'] = [bytes(x).hex() for x in ids] if ids is not None else None
    out['encrypted'] = pdf.is_encrypted
    root = pdf.Root
    out['lang'] = text(root.get('/Lang'))
    out['markInfoMarked'] = bool(root.get('/MarkInfo') and root.MarkInfo.get('/Marked'))
    out['suspects'] = bool(root.get('/MarkInfo') and root.MarkInfo.get('/Suspects'))
    out['displayDocTitle'] = bool(root.get('/ViewerPreferences') and root.ViewerPreferences.get('/DisplayDocTitle'))
    info = pdf.trailer.get('/Info')
    out['info'] = {k: text(info.get('/' + k)) for k in ('Title', 'Author', 'Subject', 'Producer', 'CreationDate', 'ModDate')} if info is not None else {}
    meta = root.get('/Metadata')
    out['metadataFiltered'] = bool(meta is not None and meta.get('/Filter') is not None)
    out['xmp'] = xmp_facts(meta.read_raw_bytes() if meta is not None and meta.get('/Filter') is None else (meta.read_bytes() if meta is not None else b''))
    intents = root.get('/OutputIntents')
    out['outputIntents'] = []
    for intent in intents or []:
        profile = intent.get('/DestOutputProfile')
        data = profile.read_bytes() if profile is not None else b''
        out['outputIntents'].append({
            'S': text(intent.get('/S')),
            'N': int(profile.get('/N')) if profile is not None and profile.get('/N') is not None else None,
            'identifier': text(intent.get('/OutputConditionIdentifier')),
            'deviceClass': data[12:16].decode('latin-1'),
            'colourSpace': data[16:20].decode('latin-1'),
            'version': data[8] if len(data) > 8 else None,
            'sameAsPackage': hashlib.sha256(data).hexdigest() == hashlib.sha256(open(srgb, 'rb').read()).hexdigest(),
        })

    # Page content: painting outside marked content (UA 7.1-3); artifacts and tags not nested in each other (7.1-1, 7.1-2).
    unmarked = []
    pages_without_tabs = 0
    annotations = []
    # Marked-content ids by the stream they are in (a page, or a form it draws) and that stream's StructParents.
    marked = []

    def walk_content(number, stream, resources, stack, form, depth):
        key = stream.get('/StructParents')
        for operands, operator in pikepdf.parse_content_stream(stream):
            op = str(operator)
            if op in ('BDC', 'BMC'):
                tag = str(operands[0])
                mcid = op == 'BDC' and isinstance(operands[1], pikepdf.Dictionary) and '/MCID' in operands[1]
                if mcid:
                    marked.append({'page': number, 'form': form, 'key': int(key) if key is not None else None, 'mcid': int(operands[1].MCID)})
                if tag == '/Artifact':
                    nonlocal_counts['artifacts'] += 1
                    if any(entry[1] for entry in stack):
                        nonlocal_counts['nested'] += 1
                elif mcid and any(entry[0] == '/Artifact' for entry in stack):
                    nonlocal_counts['nested'] += 1
                stack.append((tag, mcid))
            elif op == 'EMC':
                if stack:
                    stack.pop()
            elif op == 'Do' and resources is not None and depth < 8:
                xobject = (resources.get('/XObject') or {}).get(str(operands[0]))
                if xobject is not None and text(xobject.get('/Subtype')) == '/Form':
                    # A form's content is read where it is drawn: inside whatever marked content the Do is in.
                    walk_content(number, xobject, xobject.get('/Resources'), list(stack), list(xobject.objgen), depth + 1)
                elif not stack:
                    unmarked.append({'page': number, 'operator': op})
            elif op in PAINT and not stack:
                unmarked.append({'page': number, 'operator': op})

    nonlocal_counts = {'artifacts': 0, 'nested': 0}
    for number, page in enumerate(pdf.pages, start=1):
        walk_content(number, page, page.get('/Resources'), [], None, 0)
        annots = page.get('/Annots') or []
        if len(annots) and text(page.get('/Tabs')) != '/S':
            pages_without_tabs += 1
        for annot in annots:
            annotations.append({
                'page': number,
                'subtype': text(annot.get('/Subtype')),
                'contents': text(annot.get('/Contents')),
                'flags': int(annot.get('/F', 0)),
                'structParent': int(annot.get('/StructParent')) if annot.get('/StructParent') is not None else None,
                'objgen': list(annot.objgen),
            })
    out['unmarked'] = unmarked
    out['artifacts'] = nonlocal_counts['artifacts']
    out['nestedArtifactAndTags'] = nonlocal_counts['nested']
    out['pagesWithAnnotsWithoutTabsS'] = pages_without_tabs

    # The structure tree.
    tree = root.get('/StructTreeRoot')
    elements = []
    role_map = {str(k)[1:]: str(v)[1:] for k, v in (tree.get('/RoleMap') or {}).items()} if tree is not None else {}

    def standard(kind):
        seen = set()
        while kind not in STANDARD_TYPES and kind in role_map and kind not in seen:
            seen.add(kind)
            kind = role_map[kind]
        return kind

    link_objrs = {}

    def walk(node, parent_type, depth):
        kids = node.get('/K')
        if kids is None:
            return
        if not isinstance(kids, pikepdf.Array):
            kids = [kids]
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and '/S' in kid:
                kind = standard(str(kid.S)[1:])
                child_types = []
                k2 = kid.get('/K')
                for c in (k2 if isinstance(k2, pikepdf.Array) else ([k2] if k2 is not None else [])):
                    if isinstance(c, pikepdf.Dictionary) and '/S' in c:
                        child_types.append(standard(str(c.S)[1:]))
                    elif isinstance(c, pikepdf.Dictionary) and text(c.get('/Type')) == '/OBJR':
                        child_types.append('OBJR')
                        if kind == 'Link':
                            link_objrs[tuple(c.Obj.objgen)] = True
                elements.append({
                    'type': kind,
                    'parent': parent_type,
                    'hasP': '/P' in kid,
                    'id': text(kid.get('/ID')),
                    'alt': text(kid.get('/Alt')),
                    'actualText': text(kid.get('/ActualText')),
                    'kids': child_types,
                })
                walk(kid, kind, depth + 1)

    if tree is not None:
        walk(tree, 'StructTreeRoot', 0)
    out['elements'] = elements

    # Every marked-content id reached from the parent tree (UA 7.1-1): the entry of its stream's
    # StructParents holds, at the id, an element whose kids name that id on that page (and stream).
    def parent_tree_entries(node, entries):
        if node is None:
            return entries
        nums = node.get('/Nums')
        for i in range(0, len(nums) - 1 if nums is not None else 0, 2):
            entries[int(nums[i])] = nums[i + 1]
        for kid in node.get('/Kids') or []:
            parent_tree_entries(kid, entries)
        return entries

    entries = parent_tree_entries(tree.get('/ParentTree'), {}) if tree is not None else {}
    page_objgens = [list(p.objgen) for p in pdf.pages]
    unreached = []
    for item in marked:
        entry = entries.get(item['key']) if item['key'] is not None else None
        elem = entry[item['mcid']] if isinstance(entry, pikepdf.Array) and item['mcid'] < len(entry) else None
        ok = False
        if isinstance(elem, pikepdf.Dictionary):
            kids = elem.get('/K')
            for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
                if isinstance(kid, int) and not isinstance(kid, bool) and item['form'] is None and int(kid) == item['mcid']:
                    pg = elem.get('/Pg')
                    ok = ok or (pg is not None and list(pg.objgen) == page_objgens[item['page'] - 1])
                elif isinstance(kid, pikepdf.Dictionary) and text(kid.get('/Type')) == '/MCR' and int(kid.get('/MCID', -1)) == item['mcid']:
                    pg = kid.get('/Pg') or elem.get('/Pg')
                    stm = kid.get('/Stm')
                    same_stream = (list(stm.objgen) == item['form']) if stm is not None else item['form'] is None
                    ok = ok or (pg is not None and list(pg.objgen) == page_objgens[item['page'] - 1] and same_stream)
        if not ok:
            unreached.append(item)
    out['markedContent'] = len(marked)
    out['markedContentInForms'] = sum(1 for item in marked if item['form'] is not None)
    out['markedContentUnreached'] = unreached[:20]
    out['markedContentUnreachedCount'] = len(unreached)
    out['nonStandardUnmapped'] = sorted({e['type'] for e in elements if e['type'] not in STANDARD_TYPES})
    for annot in annotations:
        annot['inLinkElement'] = tuple(annot['objgen']) in link_objrs

    # Fonts: embedded (A 6.2.11.4.1, UA 7.21.4.1) with ToUnicode (A 6.2.11.7.2, UA 7.21.7).
    fonts = {}
    images = {'interpolate': 0}
    seen = set()

    def visit_resources(resources):
        if resources is None or resources.objgen in seen and resources.objgen != (0, 0):
            return
        seen.add(resources.objgen)
        for name, font in (resources.get('/Font') or {}).items():
            subtype = text(font.get('/Subtype'))
            described = font
            if subtype == '/Type0':
                described = font.DescendantFonts[0]
            descriptor = described.get('/FontDescriptor')
            embedded = subtype == '/Type3' or (descriptor is not None and any(k in descriptor for k in ('/FontFile', '/FontFile2', '/FontFile3')))
            fonts[text(font.get('/BaseFont'))] = {'embedded': embedded, 'toUnicode': '/ToUnicode' in font or subtype == '/Type3'}
        for name, xobject in (resources.get('/XObject') or {}).items():
            if text(xobject.get('/Subtype')) == '/Image' and bool(xobject.get('/Interpolate')):
                images['interpolate'] += 1
            if text(xobject.get('/Subtype')) == '/Form':
                visit_resources(xobject.get('/Resources'))

    for page in pdf.pages:
        visit_resources(page.get('/Resources'))
    out['fonts'] = fonts
    out['imagesInterpolated'] = images['interpolate']
    out['annotations'] = annotations
    print(json.dumps(out, ensure_ascii=False))


main()
