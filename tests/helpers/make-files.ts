import JSZip from 'jszip';

export interface PdfRun {
  text: string;
  x: number;
  y: number;
  size: number;
}

/** A minimal valid PDF (Helvetica text at given places), one page per array of runs. */
export function makePdf(pages: PdfRun[][]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) && objects.length;
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const runs of pages) {
    const stream = runs
      .map((r) => `BT /F1 ${r.size} Tf ${r.x} ${r.y} Td (${r.text.replace(/([\\()])/g, '\\$1')}) Tj ET`)
      .join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/**
 * A minimal Word document: paragraphs whose `{n}` become footnote references, and the footnotes'
 * texts (footnote n = notes[n - 1]).
 */
export function makeDocx(paragraphs: string[], notes: string[]): Promise<Uint8Array> {
  const body = paragraphs
    .map((p) => {
      const runs = p.split(/(\{\d+\})/).map((part) => {
        const ref = /^\{(\d+)\}$/.exec(part);
        return ref
          ? `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${ref[1]}"/></w:r>`
          : part ? `<w:r><w:t xml:space="preserve">${esc(part)}</w:t></w:r>` : '';
      });
      return `<w:p>${runs.join('')}</w:p>`;
    })
    .join('');
  const zip = docxParts(body, notes);
  return zip.generateAsync({ type: 'uint8array' });
}

/** A Word document whose body paragraphs are given as raw WordprocessingML text (character references such as `&#0;` kept as written). */
export function makeDocxFromXml(paragraphs: string[]): Promise<Uint8Array> {
  return docxParts(paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join(''), []).generateAsync({ type: 'uint8array' });
}

/**
 * A zip bomb shaped as a Word document: `word/document.xml` is one paragraph repeated until it
 * inflates to about `inflatedBytes`, deflated at the highest level (about a thousandth of that).
 */
export function makeDocxBomb(inflatedBytes: number): Promise<Uint8Array> {
  const paragraph = `<w:p><w:r><w:t>${'All work and no play makes a dull document. '.repeat(20)}</w:t></w:r></w:p>`;
  const zip = docxParts(paragraph.repeat(Math.ceil(inflatedBytes / paragraph.length)), []);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** A small Word document padded with `extra` empty parts. */
export function makeDocxWithParts(extra: number): Promise<Uint8Array> {
  const zip = docxParts('<w:p><w:r><w:t>A short document.</w:t></w:r></w:p>', []);
  for (let i = 0; i < extra; i++) zip.file(`customXml/item${i}.xml`, '');
  return zip.generateAsync({ type: 'uint8array' });
}

/**
 * The same ZIP archive with the inflated size of the entries named `name` understated as `size`, in
 * the central directory and the local headers both: an archive that lies about what it inflates to.
 */
export function understateInflatedSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const eocd = out.length - 22; // End of central directory record, no archive comment.
  if (view.getUint32(eocd, true) !== 0x06054b50) throw new Error('not a ZIP archive without a comment');
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < entries; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const entryName = Buffer.from(out.subarray(at + 46, at + 46 + nameLength)).toString('utf8');
    if (entryName === name) {
      view.setUint32(at + 24, size, true);
      view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** The parts of a minimal Word document around a body (WordprocessingML paragraphs) and footnotes. */
function docxParts(body: string, notes: string[]): JSZip {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  const footnotes = notes.map((n, i) => `<w:footnote w:id="${i + 1}"><w:p><w:r><w:t xml:space="preserve">${esc(n)}</w:t></w:r></w:p></w:footnote>`).join('');
  zip.file('word/footnotes.xml', `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p/></w:footnote>${footnotes}</w:footnotes>`);
  return zip;
}

/** About `chars` characters of news prose, with figures, dates and attributions in every sentence. */
export function prose(chars: number): string {
  const paragraphs: string[] = [];
  for (let i = 0, length = 0; length < chars; i++) {
    const p = `Officials confirmed on ${1 + (i % 28)} March ${1990 + (i % 30)} that the harbour wall in district ${i} will protect ${38_000 + i} homes. Reports suggest it will cost ${(1.2 + i / 1000).toFixed(3)} billion euros, more than the ${i % 7} previous plans.`;
    paragraphs.push(p);
    length += p.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** A PDF text string: a literal `( … )` for printable ASCII, else UTF-16BE hex with its byte-order mark (any code units, lone surrogates too). */
function pdfString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/([\\()])/g, '\\$1')})`;
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/**
 * The same PDF with a document information dictionary (`{Title, Author, CreationDate, …}`, values
 * as text), added as an incremental update: a new Info object and a trailer pointing back at the
 * original cross-reference table, as editors that save in place write it.
 */
export function withPdfInfo(pdf: Uint8Array, info: Record<string, string>): Uint8Array {
  const original = Buffer.from(pdf).toString('latin1');
  const size = Number(/\/Size (\d+)/.exec(original.slice(original.lastIndexOf('trailer')))![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(original.slice(original.lastIndexOf('trailer')))![1];
  const prev = Number(/startxref\s+(\d+)/.exec(original.slice(original.lastIndexOf('startxref')))![1]);
  const dict = Object.entries(info).map(([key, value]) => `/${key} ${pdfString(value)}`).join(' ');
  const at = Buffer.byteLength(original, 'latin1');
  let update = `${size} 0 obj\n<< ${dict} >>\nendobj\n`;
  const xref = at + Buffer.byteLength(update, 'latin1');
  update += `xref\n${size} 1\n${String(at).padStart(10, '0')} 00000 n \n`;
  update += `trailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${prev} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from(update, 'latin1')]));
}

/**
 * The same Word document with core properties (`docProps/core.xml`: `dc:title`, `dc:creator`,
 * `dcterms:created`, …), each value written as given, as XML text: escape it yourself, and a
 * character reference such as `&#0;` stays one.
 */
export async function withDocxCoreProperties(docx: Uint8Array, properties: { title?: string; creator?: string; created?: string }): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const element = { title: 'dc:title', creator: 'dc:creator', created: 'dcterms:created' } as const;
  const body = (Object.keys(element) as Array<keyof typeof element>)
    .filter((key) => properties[key] !== undefined)
    .map((key) => `<${element[key]}${key === 'created' ? ' xsi:type="dcterms:W3CDTF"' : ''}>${properties[key]}</${element[key]}>`)
    .join('');
  zip.file('docProps/core.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${body}</cp:coreProperties>`);
  const rels = (await zip.file('_rels/.rels')!.async('string')).replace('</Relationships>', '<Relationship Id="rIdCore" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>');
  zip.file('_rels/.rels', rels);
  const types = (await zip.file('[Content_Types].xml')!.async('string')).replace('</Types>', '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>');
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
