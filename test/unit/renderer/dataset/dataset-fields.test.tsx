// @vitest-environment happy-dom
/**
 * The Dataset panel's fields as a person sees them: the template's label with the exports'
 * column under it and the description on hover, listed terms as a choice, numbers as numbers,
 * and a refused value explained by the template's example, never its pattern.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { TemplateFields } from '../../../../renderer/src/dataset/dataset-fields';
import { datasetTemplates } from '../../../../renderer/src/dataset/dataset-form';
import { draw, type Drawn } from '../kit/render';

let drawn: Drawn | null = null;
afterEach(() => drawn?.remove());

const confocal = () => datasetTemplates().find((t) => t.target === 'hubmap:confocal')!;

/** The control named by the label whose column is `column`. */
function controlOf(container: HTMLElement, column: string): HTMLInputElement | HTMLSelectElement {
  const label = [...container.querySelectorAll('label')].find(
    (l) => l.querySelector('.dataset-key')?.textContent === column,
  )!;
  return container.querySelector<HTMLInputElement | HTMLSelectElement>(`#${label.htmlFor}`)!;
}

describe('dataset fields', () => {
  test('a field is named by its label, its column in small type under it, its description on hover', () => {
    drawn = draw(<TemplateFields template={confocal()} values={{}} onChange={() => {}} />);
    const label = [...drawn.container.querySelectorAll('label')][0]!;
    expect(label.textContent).toBe('Parent sample ID · required parent_sample_id');
    expect(label.querySelector('code.dataset-key')?.textContent).toBe('parent_sample_id');
    expect(label.querySelector('[title]')?.getAttribute('title')).toMatch(/Example: HBM386\.ZGKG\.235/);
  });

  test('listed terms are a choice with an empty first; numbers a number field', () => {
    drawn = draw(<TemplateFields template={confocal()} values={{ tile_configuration: 'odd' }} onChange={() => {}} />);
    const unit = controlOf(drawn.container, 'source_storage_duration_unit') as HTMLSelectElement;
    expect(unit.tagName).toBe('SELECT');
    const options = [...unit.options].map((o) => o.textContent);
    expect(options[0]).toBe('—');
    expect(options).toContain('day');
    expect(controlOf(drawn.container, 'is_targeted').tagName).toBe('SELECT');
    // a kept value the list lacks stays offered and marked, so nothing is lost
    const tiles = controlOf(drawn.container, 'tile_configuration') as HTMLSelectElement;
    expect(tiles.value).toBe('odd');
    expect(tiles.getAttribute('aria-invalid')).toBe('true');
    const count = controlOf(drawn.container, 'tiled_image_count') as HTMLInputElement;
    expect([count.tagName, count.type]).toEqual(['INPUT', 'number']);
    expect((controlOf(drawn.container, 'lab_id') as HTMLInputElement).type).toBe('text');
  });

  test('a value out of form is refused with the template’s example, not its pattern', () => {
    drawn = draw(<TemplateFields template={confocal()} values={{ parent_sample_id: 'mouse 7' }} onChange={() => {}} />);
    const sample = controlOf(drawn.container, 'parent_sample_id');
    const message = drawn.container.querySelector(`#${sample.getAttribute('aria-describedby')}`)!.textContent!;
    expect(message).toContain('"mouse 7" is not in the form the template asks for; for example HBM386.ZGKG.235');
    expect(message).not.toContain('^(?:');
  });
});
