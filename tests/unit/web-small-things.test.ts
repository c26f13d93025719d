import { describe, expect, test } from 'vitest';
import { revealAnywayQuestion, verifyAnywayQuestion } from '../../web/src/routes/documents/[id]/confirm-questions';
import { agreementShortfall } from '../../web/src/routes/workspaces/[wid]/dashboard/agreement-basis';
import { oversizedFile, sizeLimitHint } from '../../web/src/lib/upload-size';

const LABELS = { no_evidence: 'no evidence', no_revealed_vote: 'no revealed vote' };
const MINIMUM = { units: 3, pairable: 6 };

describe('the questions asked before an override', () => {
  test('verifying without evidence or votes asks in words, never with the API’s “send confirm: true”', () => {
    const question = verifyAnywayQuestion({ missing: ['no_evidence', 'no_revealed_vote'] }, LABELS);
    expect(question).toBe('This claim has no evidence and no revealed vote. Verify it anyway? The override is recorded and published with it.');
    expect(verifyAnywayQuestion(undefined, LABELS)).toMatch(/^This claim lacks .* Verify it anyway\?/);
    expect(verifyAnywayQuestion({ missing: ['no_consensus'] }, LABELS)).toContain('This claim has no consensus.');
    for (const q of [question, verifyAnywayQuestion(null, LABELS)]) expect(q).not.toMatch(/confirm|"|true/);
  });

  test('revealing below the quorum says how many votes are in and how many the quorum needs', () => {
    expect(revealAnywayQuestion({ count: 1, quorum: 3 })).toBe('Only 1 vote of the 3 the quorum needs is in. Reveal it to everyone now?');
    expect(revealAnywayQuestion({ count: 2, quorum: 3 })).toBe('Only 2 votes of the 3 the quorum needs are in. Reveal them to everyone now?');
    expect(revealAnywayQuestion({})).not.toMatch(/confirm/);
  });
});

describe('the dashboard’s agreement basis', () => {
  test('one claim with three votes is not enough to measure agreement, and says how far it is from enough', () => {
    expect(agreementShortfall({ alpha: null, pairable: 3, units: 1, enough: false, minimum: MINIMUM })).toBe(
      'Not enough votes to measure agreement (1 of the 3 claims with two or more revealed votes it needs)',
    );
  });

  test('enough claims but too few paired votes names the votes', () => {
    expect(agreementShortfall({ alpha: null, pairable: 5, units: 3, enough: false, minimum: { units: 3, pairable: 8 } })).toBe(
      'Not enough votes to measure agreement (5 of the 8 paired votes it needs)',
    );
  });

  test('with enough votes alpha is shown, so there is no shortfall; unanimous votes say so', () => {
    expect(agreementShortfall({ alpha: 0.42, pairable: 6, units: 3, enough: true, minimum: MINIMUM })).toBeNull();
    expect(agreementShortfall({ alpha: null, pairable: 6, units: 3, enough: true, minimum: MINIMUM })).toContain('same verdict');
  });
});

describe('upload size limit', () => {
  const limits = { maxUploadBytes: 10 * 1024 * 1024, maxDocumentChars: 1_000_000, maxPdfPages: 500 };

  test('a file over the limit is refused with a sentence naming both sizes; one at the limit is not', () => {
    const refusal = oversizedFile({ name: 'report.pdf', size: 38 * 1024 * 1024 }, limits);
    expect(refusal).toContain('report.pdf is 38');
    expect(refusal).toContain('up to 10');
    expect(oversizedFile({ name: 'ok.pdf', size: limits.maxUploadBytes }, limits)).toBeNull();
  });

  test('without known limits nothing is refused here (the server still answers 413) and no limit is stated', () => {
    expect(oversizedFile({ name: 'big.pdf', size: 1e9 }, null)).toBeNull();
    expect(sizeLimitHint(null)).toBeNull();
    expect(sizeLimitHint(limits)).toBe('up to 10.0 MB each');
  });
});
