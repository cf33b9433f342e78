import type { Family } from '../messages/catalogue.js';

/**
 * What every rule says of itself: the permanent ids it reports under (a
 * message id's part before the first dot), and the catalogue family that
 * holds their messages. Check rules and language rules add their `run`;
 * the stages that report while they read (load, parse, model, expand,
 * markdown, figures) declare their ids in `<stage>/rules.ts`.
 */
export interface RuleDeclaration {
  ids: readonly string[];
  family: Family;
}
