import { adverbFormRule } from './adverb-form.js';
import { bracketUnclosedRule } from './bracket-unclosed.js';
import { doubledWordRule } from './doubled-word.js';
import { lixRule } from './lix.js';
import { plainLanguageRule } from './plain-language.js';
import type { LanguageRule } from './rule.js';
import { sentenceEndRule } from './sentence-end.js';
import { sentenceLengthRule } from './sentence-length.js';
import { spellingRule } from './spelling.js';
import { termVariantRule } from './term-variant.js';
import { wordConfusionRule } from './word-confusion.js';

/**
 * Every language rule, run in this order on the analysed text (warnings, or
 * errors with `--strict`). Adding one is a file in this folder and its entry
 * here.
 */
export const LANGUAGE_RULES: readonly LanguageRule[] = [spellingRule, plainLanguageRule, wordConfusionRule, adverbFormRule, doubledWordRule, sentenceLengthRule, sentenceEndRule, bracketUnclosedRule, termVariantRule, lixRule];
