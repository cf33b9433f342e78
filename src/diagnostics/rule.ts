import type { Family } from '../messages/catalogue.js';

/**
 * What every rule says of itself: the permanent ids it reports under (a
 * message id's part before the first dot), the catalogue family that holds
 * their messages, and the files that report them. Check rules and language
 * rules add their `run`; the stages that report while they read (load,
 * parse, model, expand, markdown, figures, write) declare their ids in
 * `<stage>/rules.ts`. A stage declares each id it reports once; an id two
 * stages report is declared by each (`test/unit/rule-origins.test.ts`
 * holds every declaration to the sources).
 */
export interface RuleDeclaration {
  ids: readonly string[];
  family: Family;
  /**
   * The files that report the ids, as paths under `src/`, all in the
   * declaring stage's folder. Every declaration in `<stage>/rules.ts` names
   * them; a check rule's or language rule's is the file it is written in,
   * unless it names more.
   */
  origin?: readonly string[];
}
