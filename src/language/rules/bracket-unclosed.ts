import { locate } from '../../model/located.js';
import { MACHINERY_FILES, type LanguageRule } from './rule.js';

/** Parentheses opened and never closed, in the text and in the data the report shows. */
export const bracketUnclosedRule: LanguageRule = {
  ids: ['bracket-unclosed'],
  family: 'language',
  run({ segments, context, checked }, report) {
    const unclosed = (text: string): number | undefined => {
      let depth = 0;
      let open: number | undefined;
      for (let i = 0; i < text.length; i++) {
        if (text[i] === '(') {
          if (depth === 0) open = i;
          depth++;
        } else if (text[i] === ')' && depth > 0) depth--;
      }
      return depth > 0 ? open : undefined;
    };
    for (const segment of segments) {
      const at = unclosed(segment.text);
      if (at !== undefined) report('bracket-unclosed', segment.file, segment.at(at, 1), { text: segment.text.slice(at, at + 30).trim() });
    }
    for (const [name, parsed] of context.data.files) {
      if (MACHINERY_FILES.includes(name)) continue;
      const walk = (value: unknown, at: (string | number)[]): void => {
        if (typeof value === 'string') {
          const open = unclosed(value);
          if (open !== undefined && !checked.has(JSON.stringify([parsed.file.path, ...at]))) {
            const where = locate(parsed, at, value);
            report('bracket-unclosed', where.file, where.at(open), { text: value.slice(open, open + 30).trim() });
          }
        } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i]));
        else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...at, k]);
      };
      walk(parsed.value, []);
    }
  },
};
