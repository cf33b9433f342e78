import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { CheckRule } from '../check-context.js';

/**
 * Appendix bodies and PDFs named in the register exist inside the report
 * root; an appendix with neither is a warning (its page says it is
 * submitted separately).
 */
export const appendixFilesRule: CheckRule = {
  family: 'references',
  ids: ['appendix-file-missing', 'appendix-path-outside', 'appendix-no-body'],
  run(context, diagnostics) {
    const model = context.model;
    if (!model) return;
    const at = (segments: (string | number)[]) => model.places.locate(['bilagor', ...segments]);
    model.bilagor.forEach((b, i) => {
      if (!b.innehall && !b.pdf) {
        const where = at([i]);
        diagnostics.warn('appendix-no-body', where.file, where.point, { number: i + 1, title: b.titel });
      }
      if (b.innehall && !context.sources.extraContent.has(b.innehall)) {
        const where = at([i, 'innehall']);
        const inside = path.resolve(context.sources.root, 'content', b.innehall).startsWith(path.join(context.sources.root, 'content') + path.sep);
        if (inside) diagnostics.error('appendix-file-missing.body', where.file, where.point, { path: b.innehall });
        else diagnostics.error('appendix-path-outside.body', where.file, where.point, { path: b.innehall });
      }
      if (b.pdf) {
        // Follow symbolic links: a link inside the report may point anywhere.
        const literal = path.resolve(context.sources.root, b.pdf);
        const resolved = existsSync(literal) ? realpathSync(literal) : literal;
        const where = at([i, 'pdf']);
        if (!resolved.startsWith(context.sources.root + path.sep)) diagnostics.error('appendix-path-outside.pdf', where.file, where.point, { path: b.pdf });
        else if (!existsSync(resolved)) diagnostics.error('appendix-file-missing.pdf', where.file, where.point, { path: b.pdf });
      }
    });
  },
};
