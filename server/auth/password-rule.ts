import { createRequire } from 'node:module';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** The lowest zxcvbn score accepted (0–4): 2 means "somewhat guessable", about 10^6 guesses or more. */
export const MIN_PASSWORD_SCORE = 2;
export const MIN_PASSWORD_LENGTH = 8;

// Loaded and built on first use (a sign-up or a password change), not at start: the dictionaries
// (about 50,000 common passwords, common words, keyboard layouts) cost some 15 MB of memory and tens of
// milliseconds. The check runs inside a synchronous schema refinement, hence require, not import().
const require = createRequire(import.meta.url);
let zxcvbn: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  if (zxcvbn) return zxcvbn;
  const { ZxcvbnFactory: Factory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
  const { adjacencyGraphs, dictionary } = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
  return (zxcvbn = new Factory({ dictionary, graphs: adjacencyGraphs }));
}

// zxcvbn-ts names its warnings; language-common carries no sentences, so they are written here.
const WARNINGS: Record<string, string> = {
  topTen: 'is one of the ten most common passwords',
  topHundred: 'is one of the hundred most common passwords',
  common: 'is a commonly used password',
  similarToCommon: 'is too similar to a commonly used password',
  wordByItself: 'is a single word, which is easy to guess',
  namesByThemselves: 'is a single name, which is easy to guess',
  commonNames: 'is a common name, which is easy to guess',
  simpleRepeat: 'repeats characters, which is easy to guess',
  extendedRepeat: 'repeats a pattern, which is easy to guess',
  sequences: 'is a common character sequence (like abc or 1234)',
  straightRow: 'is a row of keys on the keyboard',
  keyPattern: 'is a short keyboard pattern',
  recentYears: 'is a recent year, which is easy to guess',
  dates: 'is a date, which is easy to guess',
};

/**
 * Why a new password is refused, as the end of a sentence ("body.password is one of the hundred
 * most common passwords; …"), or null when it is accepted: blank or whitespace-only passwords and
 * those zxcvbn scores below MIN_PASSWORD_SCORE (the common-password lists of @zxcvbn-ts/language-common,
 * repeats, sequences, keyboard rows, dates).
 */
export function passwordProblem(password: string): string | null {
  if (password.trim() === '') return 'must not be blank or only spaces';
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  // zxcvbn's cost grows with length; the first 100 characters are plenty to tell a weak password.
  const result = estimator().check(password.slice(0, 100));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = (result.feedback.warning && WARNINGS[result.feedback.warning]) || 'is too easy to guess';
  return `${why}; choose a longer phrase of several unrelated words`;
}
