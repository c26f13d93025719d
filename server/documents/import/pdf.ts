import { checkPages, type ImportLimits } from './limits';
import { joinParagraphs } from './text';

interface Run {
  text: string;
  x: number;
  y: number;
  size: number;
  width: number;
}

interface Line {
  y: number;
  size: number;
  runs: Run[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
};

/** Joins a line's runs, turning small raised numbers (superscript footnote markers) into `[9]`. */
function lineText(line: Line, bodySize: number): string {
  let out = '';
  let lastEnd = -Infinity;
  for (const run of line.runs.sort((a, b) => a.x - b.x)) {
    const raised = run.y > line.y + bodySize * 0.2 && run.size < bodySize * 0.85;
    const piece = raised && /^\d{1,4}$/.test(run.text.trim()) ? `[${run.text.trim()}]` : run.text;
    // pdf.js gives words as runs; put a space between runs that do not touch.
    if (out && !out.endsWith(' ') && !piece.startsWith(' ') && run.x - lastEnd > run.size * 0.15 && !piece.startsWith('[')) out += ' ';
    out += piece;
    lastEnd = run.x + run.width;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * The text of a PDF (pdf.js), with its paragraphs and footnotes kept in order: lines are grouped
 * into paragraphs by the gaps between them; footnotes (small type at the foot of a page, starting
 * with their number) are collected, in page order, into a notes section at the end as `[9] text`,
 * and superscript markers in the body become `[9]`, so citation linking finds both. A PDF with
 * more pages than `limits.maxPdfPages` is refused (413 `too_many_pages`) before any page is read.
 */
export async function pdfToText(bytes: Uint8Array, limits: Pick<ImportLimits, 'maxPdfPages'> = { maxPdfPages: Infinity }): Promise<string> {
  // Loaded on first use: pdf.js adds about 200 MB to a server's memory (BENCHMARKS.md, Memory).
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js refuses a Node Buffer (a Uint8Array subclass): hand it a plain copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const body: string[] = [];
  const notes: string[] = [];
  try {
    checkPages(pdf.numPages, limits);
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [a, b, , , x, y] = item.transform as number[];
        runs.push({ text: item.str, x, y, size: Math.hypot(a, b), width: item.width });
      }
      if (!runs.length) continue;
      const bodySize = median(runs.map((r) => r.size));
      // Lines: runs whose baselines are within a third of the body size (superscripts join their line).
      const lines: Line[] = [];
      for (const run of [...runs].sort((r1, r2) => r2.y - r1.y)) {
        const line = lines.find((l) => Math.abs(l.y - run.y) < bodySize * 0.45 || (run.y > l.y && run.y - l.y < bodySize * 0.6 && run.size < bodySize * 0.85));
        if (line) {
          line.runs.push(run);
          if (run.size >= line.size) {
            line.y = run.size > line.size ? run.y : line.y;
            line.size = Math.max(line.size, run.size);
          }
        } else lines.push({ y: run.y, size: run.size, runs: [run] });
      }
      lines.sort((l1, l2) => l2.y - l1.y);
      let paragraph: string[] = [];
      let inNotes = false;
      let lastY: number | null = null;
      const flush = () => {
        if (paragraph.length) (inNotes ? notes : body).push(paragraph.join(' ').replace(/-\s(?=[a-z])/g, ''));
        paragraph = [];
      };
      for (const line of lines) {
        const text = lineText(line, bodySize);
        const small = line.size < bodySize * 0.9;
        const startsNote = small && /^(\[?\d{1,4}\]?[.)]?)\s+\S/.test(text);
        const gap = lastY === null ? 0 : lastY - line.y;
        if (startsNote || gap > line.size * 1.6 || (!inNotes && small && paragraph.length === 0 && lastY !== null)) flush();
        if (startsNote) {
          inNotes = true;
          paragraph.push(text.replace(/^\[?(\d{1,4})\]?[.)]?\s+/, '[$1] '));
        } else paragraph.push(text);
        lastY = line.y;
      }
      flush();
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
  return joinParagraphs([...body, ...notes]);
}
