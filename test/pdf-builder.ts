/**
 * Small PDFs written by hand for the tests, no font file needed: every character is a glyph id of
 * one Type0 font (Identity-H), and its ToUnicode CMap maps the ids back to the characters, which
 * is all pdf.js reads to extract text (the glyphs are never drawn). Every glyph is one em wide.
 */

/** A line of text drawn at (x, y) (PDF units, y up) in `size`-point type. */
export interface PdfTextLine {
  x: number;
  y: number;
  text: string;
  size?: number;
  /**
   * Extra space between glyphs, in thousandths of an em (a TJ adjustment: positive moves the
   * next glyph right), as justified text is set.
   */
  spacing?: number;
}

/** A page: text lines, or an image covering most of it (as a scanner makes), or both. */
export interface PdfPage {
  lines?: PdfTextLine[];
  image?: boolean;
}

export interface PdfOptions {
  /** The info dictionary's Title. */
  title?: string;
  /** Adds a standard security handler whose password is not the empty one: pdf.js asks for a password. */
  encrypted?: boolean;
}

const hex = (bytes: Iterable<number>): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
const utf16be = (s: string): string => {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) >> 8, s.charCodeAt(i) & 0xff);
  return hex(out);
};

/** A PDF of the pages, as bytes. */
export function buildPdf(pages: readonly PdfPage[], options: PdfOptions = {}): Uint8Array {
  const chars = [...new Set(pages.flatMap((p) => (p.lines ?? []).flatMap((l) => [...l.text])))];
  const cid = new Map(chars.map((c, i) => [c, i + 1]));
  const glyph = (c: string): string => cid.get(c)!.toString(16).padStart(4, '0').toUpperCase();
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const stream = (body: string): string => `<< /Length ${body.length} >>\nstream\n${body}\nendstream`;

  const catalog = add('');
  const pagesRef = add('');
  const ranges: string[] = [];
  for (let i = 0; i < chars.length; i += 100) {
    const chunk = chars.slice(i, i + 100);
    ranges.push(`${chunk.length} beginbfchar\n${chunk.map((c) => `<${glyph(c)}> <${utf16be(c)}>`).join('\n')}\nendbfchar`);
  }
  const cmap = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...ranges,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
  const toUnicode = add(stream(cmap));
  const descriptor = add('<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>');
  const cidFont = add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /CIDToGIDMap /Identity >>`,
  );
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`);

  // A 2×2 grey image, hex encoded: the XObject a scanned page draws.
  const image = pages.some((p) => p.image) ? add(`<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length 9 >>\nstream\n00FF80C0>\nendstream`) : 0;
  const kids: number[] = [];
  for (const page of pages) {
    const ops = (page.lines ?? []).map((l) => {
      const glyphs = [...l.text].map(glyph);
      const shown = l.spacing ? `[${glyphs.map((g) => `<${g}>`).join(` ${-l.spacing} `)}] TJ` : `<${glyphs.join('')}> Tj`;
      return `BT /F1 ${l.size ?? 12} Tf 1 0 0 1 ${l.x} ${l.y} Tm ${shown} ET`;
    });
    if (page.image) ops.unshift('q 400 0 0 600 97 121 cm /Im1 Do Q');
    const content = add(stream(ops.join('\n')));
    const images = page.image ? ` /XObject << /Im1 ${image} 0 R >>` : '';
    kids.push(add(`<< /Type /Page /Parent ${pagesRef} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >>${images} >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesRef} 0 R >>`;
  objects[pagesRef - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const info = options.title === undefined ? 0 : add(`<< /Title <FEFF${utf16be(options.title)}> /Producer (jiaohe tests) >>`);
  const encrypt = options.encrypted ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'AB'.repeat(32)}> /U <${'CD'.repeat(32)}> /P -4 >>`) : 0;

  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const trailer = [`/Size ${objects.length + 1}`, `/Root ${catalog} 0 R`];
  if (info) trailer.push(`/Info ${info} 0 R`);
  if (encrypt) trailer.push(`/Encrypt ${encrypt} 0 R`, `/ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`);
  out += `trailer\n<< ${trailer.join(' ')} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/**
 * A paragraph set as a PDF lays it out: the first line indented two characters (首行缩进), every
 * line `width` characters wide at most, lines `leading` points apart, from (x, y) down.
 */
export function paragraphLines(text: string, at: { x: number; y: number; width: number; size?: number; leading?: number }): PdfTextLine[] {
  const size = at.size ?? 12;
  const leading = at.leading ?? size * 1.75;
  const chars = [...text];
  const lines: PdfTextLine[] = [];
  let i = 0;
  while (i < chars.length) {
    const first = lines.length === 0;
    const room = first ? at.width - 2 : at.width;
    lines.push({ x: at.x + (first ? 2 * size : 0), y: at.y - lines.length * leading, text: chars.slice(i, i + room).join(''), size });
    i += room;
  }
  return lines;
}
