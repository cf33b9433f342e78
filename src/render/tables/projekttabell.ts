import { h } from 'hastscript';
import type { TableSpec } from './table-spec.js';

/** Tabell: granted projects with coordinator and participating institutions. */
export const projekttabell: TableSpec = {
  name: 'projekttabell',
  csvName: 'projekt.csv',
  csvColumns: ['id', 'titel', 'koordinator', 'medverkande'],
  csvRows: (model) =>
    model.data.projekt.map((p) => [p.id, p.titel, model.institutionName(p.koordinator), p.medverkande.map(model.institutionName).join('; ')]),
  table: (model) =>
    h('table', { className: ['data-table', 'project-table'] }, [
      h('thead', [h('tr', [h('th', { scope: 'col' }, 'Titel'), h('th', { scope: 'col' }, 'Projektkoordinator'), h('th', { scope: 'col' }, 'Medverkande lärosäten')])]),
      h(
        'tbody',
        model.data.projekt.map((p) =>
          h('tr', { id: `projekt-${p.id}` }, [
            h('th', { scope: 'row' }, p.titel),
            h('td', model.institutionName(p.koordinator)),
            h('td', p.medverkande.length ? p.medverkande.map(model.institutionName).join(', ') : h('span', { className: ['none'] }, '–')),
          ]),
        ),
      ),
    ]),
};
