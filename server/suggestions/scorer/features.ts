import type { Sentence } from './sentences';

/**
 * What the scorer sees of a sentence: numbers between 0 and 1, by name. The words behind them
 * come from compromise's tags (entities, values, dates, verb tense, imperatives) and from short
 * lists of phrases a fact-checker reads as signals (reporting verbs, hedges, causal links).
 */
export const FEATURES = [
  'figure', 'figures', 'money_or_percent', 'quantity_words', 'date',
  'person', 'place', 'organization', 'proper_noun',
  'reporting_verb', 'attributed', 'vague_source', 'quote',
  'causal', 'comparison', 'event', 'named_event',
  'past_tense', 'present_perfect', 'future', 'prediction', 'hedge', 'obligation',
  'question', 'exclamation', 'imperative', 'first_person', 'first_person_plural', 'second_person',
  'opinion_marker', 'evaluative', 'boilerplate',
  'first_in_document', 'first_in_paragraph', 'position', 'length', 'short', 'footnoted',
  'social_prefix', 'pronoun_start',
] as const;
export type Feature = (typeof FEATURES)[number];

export interface SentenceFeatures {
  values: Record<Feature, number>;
  /** The words that set a feature, where a reason quotes them (e.g. the vague attribution). */
  phrases: Partial<Record<Feature, string>>;
}

const words = (list: string) => new RegExp(`\\b(?:${list})\\b`, 'i');

/** A handle (`@name:`) or a thread's post number (`3/`) before a post's text. */
const SOCIAL_PREFIX = /^(?:@\w+:\s*|\d{1,2}\/\s+)/;
const YEAR = /^(?:1[89]|20)\d\d(?:s|–\d\d)?$/;
const MONEY_OR_PERCENT = /[%£$€]|\b(?:per ?cent|percent|euros?|dollars?|pounds?|pence|cents?)\b/i;
/** Quantities in words. "one" is left out: it is mostly a pronoun ("one of them"). */
const QUANTITY_WORDS = words(
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|handful|half|a third|two thirds|a quarter|twice|double|doubled|tripled|triple|halved|majority|minority',
);
const REPORTING = words(
  'said|says|say|told|tells|confirmed|confirms|declared|declares|acknowledged|acknowledges|admitted|admits|announced|announces|stated|states|reported|reports|claimed|claims|denied|denies|insisted|warned|added|estimated|estimates|found|finds|showed|shows|show|revealed|described|argued|noted|wrote|posted|disputed|disputes|rejected|urged|according to|told reporters|in a statement',
);
/** Sources a reader cannot check: the phrases a fact-checker asks "who?" of. */
const VAGUE = words(
  [
    '(?:intelligence |media |news |press )?reports? (?:suggest|suggests|show|shows|say|says|said|indicate|indicates|confirmed|claim|claimed)',
    '(?:senior |local |security )?officials? (?:confirmed|said|say|stated|claim|claimed|believe|admitted)',
    '(?:security |diplomatic |intelligence )?sources? (?:say|said|claim|claimed|close to|told)',
    '(?:many |some |most )?(?:experts?|analysts?|observers|critics|economists|scientists|researchers) (?:believe|believes|say|said|warn|warned|estimate|estimated|link|point|attribute|argue|argued|claim)',
    '(?:studies|research|surveys) (?:show|shows|suggest|suggests|found|find)',
    'it is (?:widely |generally |often |commonly )?(?:accepted|believed|known|thought|said|recognised|recognized|assumed|claimed|reported|understood)',
    '(?:is|are|was|were) (?:widely |generally |commonly )?(?:believed|thought|assumed|said|reported|understood|rumoured) to',
    '(?:widely|generally|commonly) (?:believed|accepted|assumed|recognised|recognized|thought|reported|known)',
    'we are (?:told|informed)',
    'some (?:people )?(?:say|said|claim|argue)',
    'people (?:say|keep saying|are saying)',
    'others say',
    'apparently|reportedly|allegedly|supposedly',
    'heard (?:from|that)',
    'industry analysts',
  ].join('|'),
);
const CAUSAL = words(
  'because|due to|caused|causes|cause of|led to|leads to|leading to|resulted in|results in|as a result|therefore|thanks to|explains|explain|driven by|attributed? (?:\\w+ ){0,3}to|attributes (?:\\w+ ){0,3}to|link(?:s|ed)? (?:\\w+ ){0,4}to|contributed to|associated with|the main driver|the reason|which delayed|so many',
);
const COMPARISON = words(
  'than|compared with|compared to|rose|risen|rise|fell|fallen|fall|increased?|decreased?|doubled|halved|grew|grown|dropped|declined|record|highest|lowest|largest|biggest|smallest|deadliest|up from|down from|more|less|fewer|steeper|faster|slower',
);
const EVENT = words(
  'attack(?:ed)?|strike|stoppage|walkout|withdrawal|ceasefire|election|trial|trialled|hijacking|agreement|deal|launched|opened|signed|closed|closure|outbreak|drought|heatwave|operation|raid|inspection|session|interview|paraded|ballot|announced|introduced|approved|protest|visit|summit|vote|budget|contract|tender|levy|pilot',
);
const HEDGE = words('may|might|could|possibly|perhaps|probably|likely|appears?|seems?|suggests?');
const PREDICTION = words(
  "will|'ll|going to|expects?|expected to|is likely to|are likely to|likely to|i suspect|bet|forecasts?|predicts?|will soon|in the coming|next year|next decade|is only the beginning",
);
const OBLIGATION = words('should|must|need to|needs to|ought to|have to|has to|calling on|call on|urge|we need|it is time');
const OPINION_MARKER = words(
  "i (?:do not |don't )?(?:believe|think|suspect|know|feel|understand|support|am|hear)|in my view|frankly|honestly|let me be clear|tbh|lol|to me|i'm|it is time",
);
const EVALUATIVE = words(
  'disgrace|disgraceful|joke|shameful|outrageous|absurd|ridiculous|wonderful|honour|proud|furious|deserve|deserves|unacceptable|terrible|brilliant|humiliation|worrying|heavy-handed|hopeless|exhausting|pleasure|entitled|nonsense|dead|scandal|thin|easy part|uncomfortable|warning|enemies|right to be|milestone|firmly|achievements|victories|utopian|world-class|honest',
);
const BOILERPLATE = words(
  'contact|for more information|visit www|media enquiries|registered charity|press office|forward-looking|all rights reserved|thank you|good morning|good evening|ladies and gentlemen|link in (?:our )?bio|this article was|additional reporting|applause|cheers|god bless|for interviews|write-up at|sources for every|is a subsidiary|commend this',
);
const CONTACT = /@\w+\.|https?:\/\/|www\.|\+\d{2} ?\d|\b\d{5} \d{3} \d{3}\b/;
const PRONOUN_START = /^(?:it|this|that|these|those|none|nobody|neither|such|there)\b/i;

/** The features of `sentence` (its position read from its `index` among `count`). */
export function sentenceFeatures(sentence: Sentence): SentenceFeatures {
  const phrases: SentenceFeatures['phrases'] = {};
  const prefix = SOCIAL_PREFIX.exec(sentence.exact)?.[0] ?? '';
  const body = sentence.exact.slice(prefix.length);
  // The prefix's words (a handle, a post number) are not the sentence's content.
  let skipped = prefix.trim() ? prefix.trim().split(/\s+/).length : 0;
  const terms = sentence.terms.filter(() => skipped-- <= 0);
  const has = (tag: string) => terms.some((t) => t.tags.includes(tag));
  const match = (feature: Feature, re: RegExp) => {
    const m = re.exec(body);
    if (m) phrases[feature] = m[0];
    return m ? 1 : 0;
  };

  const numbers = terms.filter((t) => /\d/.test(t.text) && !YEAR.test(t.text.replace(/[.,;:!?)]+$/, '')));
  const wordCount = body.split(/\s+/).filter(Boolean).length;
  const trimmed = body.replace(/["”’»)\]\s]+$/, '');
  const firstWord = terms.find((t) => !/^(?:and|so|but|first|second|third|then|now|please)$/i.test(t.text.replace(/[,:]$/, '')));
  const entity = (tag: string, feature: Feature) => {
    const t = terms.find((x) => x.tags.includes(tag));
    if (t) phrases[feature] = t.text;
    return t ? 1 : 0;
  };
  const person = entity('Person', 'person');
  const place = entity('Place', 'place');
  const organization = entity('Organization', 'organization');
  const properNoun = terms.slice(1).some((t) => t.tags.includes('ProperNoun')) ? 1 : 0;
  const date = has('Date') || terms.some((t) => YEAR.test(t.text.replace(/[.,;:!?)]+$/, ''))) ? 1 : 0;
  const reporting = match('reporting_verb', REPORTING);
  const quote = /["“”]/.test(body) ? 1 : 0;
  const event = match('event', EVENT);

  const values: Record<Feature, number> = {
    figure: numbers.length > 0 ? 1 : 0,
    figures: Math.min(numbers.length, 3) / 3,
    money_or_percent: numbers.length > 0 && MONEY_OR_PERCENT.test(body) ? 1 : 0,
    quantity_words: match('quantity_words', QUANTITY_WORDS),
    date,
    person,
    place,
    organization,
    proper_noun: properNoun,
    reporting_verb: reporting,
    attributed: reporting && (person || organization || properNoun || quote) ? 1 : 0,
    vague_source: match('vague_source', VAGUE),
    quote,
    causal: match('causal', CAUSAL),
    comparison: has('Comparative') || has('Superlative') ? 1 : match('comparison', COMPARISON),
    event,
    named_event: event && (date || person || place || organization || properNoun) ? 1 : 0,
    past_tense: has('PastTense') ? 1 : 0,
    present_perfect: /\b(?:has|have|had) (?:\w+ )?(?:been|\w+ed|\w+en)\b/i.test(body) ? 1 : 0,
    future: /\b(?:will|'ll|going to)\b/i.test(body) ? 1 : 0,
    prediction: match('prediction', PREDICTION),
    hedge: match('hedge', HEDGE),
    obligation: match('obligation', OBLIGATION),
    question: /\?$/.test(trimmed) ? 1 : 0,
    exclamation: /!$/.test(trimmed) ? 1 : 0,
    imperative: firstWord?.tags.includes('Imperative') || /^(?:please|let's|let us)\b/i.test(body) ? 1 : 0,
    first_person: /\b(?:i|me|my|mine|i'm|i've)\b/i.test(body) ? 1 : 0,
    first_person_plural: /\b(?:we|us|our|ours)\b/i.test(body) ? 1 : 0,
    second_person: /\b(?:you|your|yours)\b/i.test(body) ? 1 : 0,
    opinion_marker: match('opinion_marker', OPINION_MARKER),
    evaluative: match('evaluative', EVALUATIVE),
    boilerplate: CONTACT.test(body) ? 1 : match('boilerplate', BOILERPLATE),
    first_in_document: sentence.index === 0 ? 1 : 0,
    first_in_paragraph: sentence.indexInParagraph === 0 ? 1 : 0,
    position: sentence.count > 1 ? sentence.index / (sentence.count - 1) : 0,
    length: Math.min(wordCount, 40) / 40,
    short: wordCount < 7 ? 1 : 0,
    footnoted: sentence.footnoted ? 1 : 0,
    social_prefix: prefix ? 1 : 0,
    pronoun_start: PRONOUN_START.test(body) ? 1 : 0,
  };
  if (values.figure) phrases.figure = numbers[0].text;
  return { values, phrases };
}
