/**
 * Footnote markers and the footnotes they point to, found in a document's canonical text.
 * Markers are `[9]` (HTML and DOCX superscripts and Markdown footnote references are imported in
 * this form) or `^9`; footnotes are the paragraphs of the notes section that start with their label.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Citation {
  marker: Span & { label: string };
  footnote: Span & { text: string };
}

/** A footnote paragraph: `[9] text`, `^9 text`, `9. text` or `9) text`. */
const FOOTNOTE = /^(?:\[(\d{1,4})\]|\^(\d{1,4})|(\d{1,4})[.)])[ \t]+(\S[\s\S]*)$/;
/** A marker in running text: `[9]`, `[9, 10]`, `[9–11]` or `^9`. */
const MARKER = /\[(\d{1,4}(?:\s*[,–-]\s*\d{1,4})*)\]|\^(\d{1,4})\b/g;
const NOTES_HEADING = /^(notes?|footnotes?|endnotes?|references|sources|citations)\s*:?$/i;

interface Paragraph {
  start: number;
  end: number;
  text: string;
}

function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+(?:\n[^\n]+)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** Expands `9, 10` and `9–11` into labels. */
function labelsOf(group: string): string[] {
  const labels: string[] = [];
  for (const part of group.split(',')) {
    const range = part.split(/[–-]/).map((n) => Number(n.trim()));
    if (range.length === 2 && range[1] >= range[0] && range[1] - range[0] < 50) {
      for (let n = range[0]; n <= range[1]; n++) labels.push(String(n));
    } else labels.push(String(range[0]));
  }
  return labels;
}

/**
 * Finds the notes section (the trailing run of footnote paragraphs, or what follows a "Notes" /
 * "References" heading) and links every marker before it to its footnote. Markers without a
 * footnote, and numbers that only look like markers inside the notes, are left out.
 */
export function findCitations(text: string): Citation[] {
  const paras = paragraphs(text);
  const footnotes = new Map<string, Citation['footnote']>();
  let notesStart = text.length;
  // Walk back from the end over footnote paragraphs (a notes heading ends the section too).
  for (let i = paras.length - 1; i >= 0; i--) {
    const p = paras[i];
    const m = FOOTNOTE.exec(p.text);
    if (m) {
      const label = m[1] ?? m[2] ?? m[3];
      if (!footnotes.has(label)) footnotes.set(label, { start: p.start, end: p.end, text: m[4].trim() });
      notesStart = p.start;
      continue;
    }
    if (NOTES_HEADING.test(p.text.trim())) notesStart = p.start;
    break;
  }
  // Numbered paragraphs only count as footnotes when at least one marker points at them.
  const citations: Citation[] = [];
  const body = text.slice(0, notesStart);
  for (const m of body.matchAll(MARKER)) {
    const labels = m[1] ? labelsOf(m[1]) : [m[2]];
    for (const label of labels) {
      const footnote = footnotes.get(label);
      if (footnote) citations.push({ marker: { start: m.index!, end: m.index! + m[0].length, label }, footnote });
    }
  }
  return citations;
}

/** Where the notes section starts (the end of the text when there is none), so claim finding can skip it. */
export function notesSectionStart(text: string, citations: Citation[]): number {
  return citations.length ? Math.min(...citations.map((c) => c.footnote.start)) : text.length;
}
