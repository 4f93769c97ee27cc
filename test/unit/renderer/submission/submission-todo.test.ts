import { describe, expect, it } from 'vitest';
import type { SubmissionExportFile, TodoItem } from '../../../../shared/api';
import { listedTodo, requiredFirstGroups } from '../../../../renderer/src/submission/submission-todo';

const item = (row: string, column: string, required: boolean, reason = 'no file or sidecar supplies it'): TodoItem => ({
  row,
  column,
  required,
  reason,
});

const file = (name: string, todo: TodoItem[]): SubmissionExportFile => ({ name, text: '', rows: 3, columns: 4, todo });

describe('requiredFirstGroups', () => {
  it('groups cells by column, requiredness and reason, required groups first, each in the table’s order', () => {
    const groups = requiredFirstGroups([
      item('a.tif', 'Comment', false),
      item('a.tif', 'Participant', true),
      item('b.tif', 'Participant', true),
      item('b.tif', 'Microscope', true, '"Zeiss" is not in the list'),
      item('c.tif', 'Microscope', true, '"Leica" is not in the list'),
      item('c.tif', 'Participant', true),
    ]);
    expect(groups).toEqual([
      {
        column: 'Participant',
        required: true,
        reason: 'no file or sidecar supplies it',
        rows: ['a.tif', 'b.tif', 'c.tif'],
      },
      { column: 'Microscope', required: true, reason: '"Zeiss" is not in the list', rows: ['b.tif'] },
      { column: 'Microscope', required: true, reason: '"Leica" is not in the list', rows: ['c.tif'] },
      { column: 'Comment', required: false, reason: 'no file or sidecar supplies it', rows: ['a.tif'] },
    ]);
  });
});

describe('listedTodo', () => {
  it('lists groups until the limit over all files and counts the cells of the groups left out', () => {
    const files = [
      file('metadata.tsv', [item('dataset', 'a', true), item('dataset', 'b', false)]),
      file('done.tsv', []),
      file('contributors.tsv', [item('1', 'name', true), item('2', 'name', true), item('1', 'orcid', true)]),
    ];
    const listed = listedTodo(files, 3);
    expect(listed.map(({ name, groups, hidden }) => [name, groups.map((g) => g.column), hidden])).toEqual([
      ['metadata.tsv', ['a', 'b'], 0],
      ['contributors.tsv', ['name'], 1],
    ]);
    expect(listedTodo(files, 1).map((f) => f.hidden)).toEqual([1, 3]);
  });

  it('lists a to-do of 60,000 cells as a few groups', () => {
    const todo = Array.from({ length: 10_000 }, (_, i) =>
      ['Participant', 'Biospecimen', 'Assay', 'Protocol', 'Microscope', 'Objective'].map((column) =>
        item(`img-${i}.tif`, column, true),
      ),
    ).flat();
    const [listed] = listedTodo([file('imaging-level-2.csv', todo)], 200);
    expect(listed?.groups).toHaveLength(6);
    expect(listed?.groups[0]?.rows).toHaveLength(10_000);
  });
});
