import { describeValue } from '../../messages/message.js';
import { FigureText } from '../figure-text.js';
import { hedgedFigures } from '../hedge.js';
import { countInWords, groupDigits, NBSP, percent } from '../swedish.js';
import { HelperError, intOption, type HelperOptions } from './helper-error.js';

/**
 * `{{ungefar (procent x)}}` → `knappt 88 procent` for 0,8776;
 * `{{ungefar (mkr x)}}` → `drygt 32 miljoner kronor` for 32 217 058:
 * the figure rounded to whole percent or whole millions (`decimaler=1` for
 * one decimal), with the hedge word that makes it true (`drygt` when the
 * value is above the figure, `knappt` when below, none when it is exact).
 * An amount under a million is written in whole thousands of kronor.
 */
export const ungefarHelper = (value: unknown, options: HelperOptions): FigureText => {
  if (!(value instanceof FigureText)) throw new HelperError('template-helper.hedge', { helper: 'ungefar', got: describeValue(value) }, options.loc);
  const decimals = intOption('ungefar', options, 'decimaler', 0);
  const { kind, value: actual } = value.facts;
  if (kind === 'count') return new FigureText(countInWords(actual), { ...value.facts, stated: actual, step: 1 });
  const millions = kind === 'amount' && Math.abs(actual) >= 1_000_000;
  const scale = kind === 'share' ? 0.01 : millions ? 1_000_000 : 1;
  const step = kind === 'share' ? 0.01 / 10 ** decimals : millions ? 1_000_000 / 10 ** decimals : 1000;
  const [best] = hedgedFigures(actual, step, scale, kind === 'amount' && !millions ? 0 : decimals);
  const word = best?.word ?? '';
  const figure = best?.figure ?? '';
  const stated = Number(figure.replace(/[ \u00a0]/g, '').replace(',', '.')) * scale;
  const shown =
    kind === 'share'
      ? percent(stated, decimals, 'word')
      : millions
        ? `${figure}${NBSP}${stated === 1_000_000 ? 'miljon' : 'miljoner'} kronor`
        : `${groupDigits(stated)}${NBSP}kronor`;
  const facts = { ...value.facts, stated, step, ...(word ? { hedge: word } : {}) };
  return new FigureText(word ? `${word} ${shown}` : shown, facts);
};
