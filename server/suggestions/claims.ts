import type nlpType from 'compromise';

/** compromise, loaded on first use (about 50 MB of memory a server without suggestions need not pay). */
let nlpModule: Promise<typeof nlpType> | null = null;
const loadNlp = () => (nlpModule ??= import('compromise').then((m) => m.default));

export interface ClaimSuggestion {
  start: number;
  end: number;
  exact: string;
  /** 0..1: how check-worthy the sentence looks. */
  score: number;
  reasons: string[];
}

/** Vague attributions that ask for a source, as a fact-checker reads them. */
const ATTRIBUTIONS = [
  'reports? (suggest|show|say|indicate)',
  'officials? (confirmed|said|say|stated|claim)',
  'according to',
  'sources? (say|said|close to)',
  'experts? (believe|say|warn|estimate)',
  'analysts? (say|believe|estimate)',
  'studies (show|suggest|found)',
  'it is (widely )?(accepted|believed|known|thought)',
  'we are (told|informed)',
  'industry analysts',
];
const ATTRIBUTION = new RegExp(`\\b(${ATTRIBUTIONS.join('|')})\\b`, 'i');
const NUMBER = /\d/;
const MARKER_MASK = /\[\d{1,4}(?:\s*[,–-]\s*\d{1,4})*\]|\^\d{1,4}\b/g;

const WEIGHTS = { figure: 0.45, attribution: 0.35, date: 0.15, named: 0.1, comparison: 0.1 };

/**
 * Check-worthy sentences: those stating figures, quantities, dates, comparisons or vague
 * attributions. Sentences and entities come from compromise (an NLP library); the attribution
 * phrases are a short list. Footnote markers are masked first so they do not glue sentences.
 */
export async function suggestClaims(text: string, until = text.length, minScore = 0.3): Promise<ClaimSuggestion[]> {
  const nlp = await loadNlp();
  const masked = text.slice(0, until).replace(MARKER_MASK, (m) => ' '.repeat(m.length));
  const out: ClaimSuggestion[] = [];
  for (const chunk of paragraphChunks(masked)) {
    // compromise's offsets cost time quadratic in its input: give it a few paragraphs at a time.
    const sentences = nlp(chunk.text).sentences().json({ offset: true }) as Array<{ text: string; offset: { start: number; length: number } }>;
    for (const s of sentences) {
      const suggestion = scoreSentence(nlp, text, chunk.start + s.offset.start, s.offset.length, s.text, minScore);
      if (suggestion) out.push(suggestion);
    }
  }
  return out;
}

/** Splits text at paragraph breaks into runs of about `size` code units (a longer paragraph stays whole). */
export function paragraphChunks(text: string, size = 4000): Array<{ start: number; text: string }> {
  const chunks: Array<{ start: number; text: string }> = [];
  let start = 0;
  while (start < text.length) {
    let end = text.length;
    if (end - start > size) {
      const cut = text.indexOf('\n\n', start + size);
      const back = text.lastIndexOf('\n\n', start + size);
      end = back > start ? back : cut === -1 ? text.length : cut;
    }
    chunks.push({ start, text: text.slice(start, end) });
    start = end;
  }
  return chunks;
}

/** The sentence at `start` (`length` code units of `text`, read by compromise as `sentence`) as a suggestion, or null when it scores below `minScore`. */
function scoreSentence(nlp: typeof nlpType, text: string, start: number, length: number, sentence: string, minScore: number): ClaimSuggestion | null {
  // Trim trailing spaces left by a masked marker; the marker itself stays outside the claim.
  const end = start + text.slice(start, start + length).trimEnd().length;
  const exact = text.slice(start, end);
  if (exact.length < 20 || !/[.!?»"”)\]]$/.test(exact)) return null;
  const doc = nlp(sentence);
  const reasons: string[] = [];
  let score = 0;
  if (doc.match('(#Value|#Money|#Percent|#Fraction)').found && NUMBER.test(sentence)) {
    score += WEIGHTS.figure;
    reasons.push('states a figure');
  }
  const attribution = ATTRIBUTION.exec(sentence);
  if (attribution) {
    score += WEIGHTS.attribution;
    reasons.push(`vague attribution: “${attribution[0]}”`);
  }
  if (doc.match('#Date').found) {
    score += WEIGHTS.date;
    reasons.push('gives a date');
  }
  if (doc.match('(#Organization|#Person|#Place)').found) {
    score += WEIGHTS.named;
    reasons.push('names a person, organisation or place');
  }
  if (doc.match('(#Comparative|#Superlative)').found || /\b(more|less|fewer|higher|lower|rose|fell|increased|decreased) (than|by)\b/i.test(sentence)) {
    score += WEIGHTS.comparison;
    reasons.push('makes a comparison');
  }
  score = Math.min(1, Number(score.toFixed(2)));
  return score >= minScore ? { start, end, exact, score, reasons } : null;
}
