/** A piece of text as pdf.js places it on a page: its baseline's start, its font size and its width. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  size: number;
  width: number;
}

/** A line of a page: its runs left to right, its baseline, its main font size and its extent. */
export interface Line {
  page: number;
  y: number;
  size: number;
  x: number;
  right: number;
  runs: TextRun[];
  /** The line's text, with superscript numbers (footnote markers) written `[9]`. */
  text: string;
}

/** Whether a run is raised and smaller than its line: a superscript. */
const isRaised = (run: TextRun, line: { y: number; size: number }) => run.y > line.y + line.size * 0.2 && run.size < line.size * 0.85;

/** Joins a line's runs, with a space between runs that do not touch, and superscript numbers as `[9]`. */
function lineText(runs: TextRun[], line: { y: number; size: number }): string {
  let out = '';
  let lastEnd = -Infinity;
  for (const run of runs) {
    const marker = isRaised(run, line) && /^\d{1,4}$/.test(run.text.trim());
    const piece = marker ? `[${run.text.trim()}]` : run.text;
    // pdf.js gives words or phrases as runs; runs that do not touch are separate words. A marker
    // hangs on the word before it.
    if (out && !/\s$/.test(out) && !/^\s/.test(piece) && !marker && run.x - lastEnd > run.size * 0.15) out += ' ';
    out += piece;
    lastEnd = run.x + run.width;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * The lines of a page, top to bottom: runs whose baselines are within half a font size of each
 * other make a line (a superscript marker, a little above, joins its line); the line's baseline
 * and size are those of its largest run.
 */
export function linesOf(runs: TextRun[], page: number): Line[] {
  const groups: Array<{ y: number; size: number; runs: TextRun[] }> = [];
  for (const run of [...runs].sort((a, b) => b.y - a.y || a.x - b.x)) {
    // Runs come top to bottom, so only the last few lines can take this one.
    let group = null;
    for (let i = groups.length - 1; i >= Math.max(0, groups.length - 3) && !group; i--) {
      if (Math.abs(groups[i].y - run.y) < Math.max(groups[i].size, run.size) * 0.45) group = groups[i];
    }
    if (!group) groups.push({ y: run.y, size: run.size, runs: [run] });
    else {
      group.runs.push(run);
      if (run.size > group.size) {
        group.y = run.y;
        group.size = run.size;
      }
    }
  }
  return groups
    .map((g) => {
      const sorted = g.runs.sort((a, b) => a.x - b.x);
      return {
        page,
        y: g.y,
        size: g.size,
        x: sorted[0].x,
        right: sorted.reduce((max, r) => Math.max(max, r.x + r.width), -Infinity),
        runs: sorted,
        text: lineText(sorted, g),
      };
    })
    .filter((l) => l.text)
    .sort((a, b) => b.y - a.y);
}

/** A line that is only a page number: `7`, `- 7 -`, `Page 7`, `7 / 12`, `Page 7 of 12`, `vii`. */
const PAGE_NUMBER = /^(?:page\s+)?[-–—([]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)\]]?(?:\s*(?:\/|of)\s*\d{1,4})?$/i;

/**
 * Page furniture: running headers and footers, and page numbers. A line among the top two or
 * bottom two of its page is furniture when a line of the same text (its numbers aside) stands at
 * the same height on another page, or when it is only a page number.
 */
export function furnitureOf(pages: Line[][]): Set<Line> {
  const furniture = new Set<Line>();
  const key = (line: Line) => line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
  const byKey = new Map<string, Line[]>();
  for (const lines of pages) {
    const edges = new Set([...lines.slice(0, 2), ...lines.slice(-2)]);
    for (const line of edges) {
      if (PAGE_NUMBER.test(line.text)) furniture.add(line);
      const same = byKey.get(key(line)) ?? [];
      same.push(line);
      byKey.set(key(line), same);
    }
  }
  for (const same of byKey.values()) {
    for (const line of same) if (same.some((other) => other.page !== line.page && Math.abs(other.y - line.y) < 4)) furniture.add(line);
  }
  return furniture;
}
