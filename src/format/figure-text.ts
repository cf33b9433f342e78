/** What a formatted figure is: an amount in kronor, a share (0–1) or a count. */
export type FigureKind = 'amount' | 'share' | 'count';

/** The figure behind a helper's text: the true value and the figure the text shows. */
export interface FigureFacts {
  kind: FigureKind;
  /** The true value (kronor, a share from 0 to 1, a count). */
  value: number;
  /** The value the text shows, in the same unit (`88 procent` → 0.88). */
  stated: number;
  /** The precision the text shows (`88 procent` → 0.01, `32 miljoner` → 1 000 000). */
  step: number;
  /** The hedge word the helper wrote itself (`ungefar`), if any. */
  hedge?: string;
}

/**
 * A helper's text that remembers the figure it shows, so that `ungefar`
 * can hedge it and the checks can compare the words around it with the
 * true value. Handlebars writes it as its text.
 */
export class FigureText extends String {
  constructor(
    text: string,
    readonly facts: FigureFacts,
  ) {
    super(text);
  }
}
