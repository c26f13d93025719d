import yauzl from 'yauzl';

/** A Word file's core properties (`docProps/core.xml`), as far as they name the source. mammoth does not read them. */
export interface DocxCoreProperties {
  title?: string;
  creator?: string;
  /** As written, an ISO 8601 time (`dcterms:created`). */
  created?: string;
}

/** The most of one part that is read: checkArchive (limits.ts) has already refused larger parts, this is a second stop. */
const MAX_PART_BYTES = 16 * 1024 * 1024;
const CORE_PROPERTIES = 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties';

/** The text of the named entries of a ZIP archive (those present and not larger than the limit). */
async function readEntries(bytes: Uint8Array, wanted: (name: string) => boolean): Promise<Map<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  const out = new Map<string, string>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!wanted(entry.fileName) || entry.uncompressedSize > MAX_PART_BYTES) return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return out;
}

/** XML character data with its entities decoded; a reference to a character XML forbids (`&#0;`) or that does not exist is dropped. */
function xmlText(s: string): string {
  return s.replace(/&(?:#x([\da-f]{1,8})|#(\d{1,10})|(lt|gt|amp|quot|apos));/gi, (_, hex: string, dec: string, name: string) => {
    if (name) return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name.toLowerCase() as 'lt'] ?? '';
    const code = hex ? parseInt(hex, 16) : Number(dec);
    // Lone surrogates are kept here and replaced later, as every extracted string is (storableText).
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The text of the first element of the core properties with this local name (any namespace prefix), if it has any. */
function property(xml: string, localName: string): string | undefined {
  const match = new RegExp(`<(?:[\\w.-]+:)?${localName}(?:\\s[^<>]*)?>([^<]*)</(?:[\\w.-]+:)?${localName}\\s*>`).exec(xml);
  return match ? xmlText(match[1]) : undefined;
}

/**
 * A Word file's `dc:title`, `dc:creator` and `dcterms:created`, from the core properties part the
 * package relationships name (`docProps/core.xml` by default). A file without them, or whose parts
 * cannot be read, gives none: the text is imported all the same.
 */
export async function docxCoreProperties(bytes: Uint8Array): Promise<DocxCoreProperties> {
  try {
    const rels = (await readEntries(bytes, (name) => name === '_rels/.rels')).get('_rels/.rels') ?? '';
    const relationship = [...rels.matchAll(/<(?:\w+:)?Relationship\b[^<>]*>/g)].map((m) => m[0]).find((r) => r.includes(CORE_PROPERTIES));
    const target = /\bTarget\s*=\s*"([^"]*)"/.exec(relationship ?? '')?.[1]?.replace(/^\//, '') || 'docProps/core.xml';
    const core = (await readEntries(bytes, (name) => name === target)).get(target);
    if (!core) return {};
    return { title: property(core, 'title'), creator: property(core, 'creator'), created: property(core, 'created') };
  } catch {
    return {}; // Metadata is a courtesy: a package whose properties cannot be read imports without them.
  }
}
