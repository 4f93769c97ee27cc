import { describe, expect, it } from 'vitest';
import { compileNamePattern, type NamePattern } from '../../../../shared/names/name-pattern';

function compiled(source: string): NamePattern {
  const result = compileNamePattern(source);
  if (!result.ok) throw new Error(result.message);
  return result.pattern;
}

const message = (source: string) => {
  const result = compileNamePattern(source);
  return result.ok ? null : result.message;
};

describe('templates', () => {
  const pattern = compiled('{date}_{genotype}_m{*}_{region}.tif');

  it("takes each placeholder's text and skips {*}", () => {
    expect(pattern.fields).toEqual(['date', 'genotype', 'region']);
    expect(pattern.match('2026-03-14_Thy1-GFP_m3_CA1.tif')).toEqual({
      matched: true,
      taken: {
        date: { text: '2026-03-14', ok: true, value: '2026-03-14' },
        genotype: { text: 'Thy1-GFP', ok: true, value: 'Thy1-GFP' },
        region: { text: 'CA1', ok: true, value: 'CA1' },
      },
      values: { date: '2026-03-14', genotype: 'Thy1-GFP', region: 'CA1' },
      problems: [],
    });
  });

  it('matches the whole name, letters in any case; else no match', () => {
    expect(pattern.match('2026-03-14_WT_m4_V1.TIF')).toMatchObject({ matched: true, values: { region: 'V1' } });
    expect(pattern.match('notes.tif')).toEqual({ matched: false });
    expect(pattern.match('x_2026-03-14_WT_m4_V1.tif.bak')).toEqual({ matched: false });
  });

  it('matches the name without its extension when the template has none', () => {
    const bare = compiled('{genotype}_{region}');
    expect(bare.match('WT_CA1.ome.tif')).toMatchObject({ values: { genotype: 'WT', region: 'CA1' } });
    expect(bare.match('WT_CA1.tif')).toMatchObject({ values: { genotype: 'WT', region: 'CA1' } });
  });

  it('validates taken text like typed input', () => {
    const numbers = compiled('d{depth}_b{branch_order}.tif');
    expect(numbers.match('d12.5_b2.tif')).toMatchObject({ values: { depth: 12.5, branch_order: 2 }, problems: [] });
    expect(numbers.match('dx_b2.5.tif')).toMatchObject({
      matched: true,
      values: {},
      problems: ['Depth: must be a number in µm (got "x")', 'Branch order: must be a whole number (got 2.5)'],
    });
  });

  it('takes display names and escaped braces', () => {
    expect(compiled('{{{Cell type}}}.tif').match('{pyramidal}.tif')).toMatchObject({
      values: { cell_type: 'pyramidal' },
    });
  });

  it('says what is wrong with a template', () => {
    expect(message('{colour}.tif')).toBe(
      '{colour} is not a field (use a sidecar key such as {genotype}, or {*} to skip)',
    );
    expect(message('{genotype}{region}')).toBe('{region} follows another placeholder: put text between them');
    expect(message('{sex}_{sex}')).toBe('{sex} appears twice');
    expect(message('{sex')).toBe('the "{" at character 1 is never closed');
    expect(message('a}b')).toBe('a "}" at character 2 closes nothing (write }} for a brace)');
    expect(message('{*}.tif')).toBe('put at least one {field} in the pattern, e.g. {genotype}_{*}.tif');
  });
});

describe('regular expressions (re:)', () => {
  it('takes named groups, matching anywhere unless anchored', () => {
    const re = compiled('re:(?<genotype>Thy1|WT)_m(?<_animal>\\d+)(?:_(?<region>[A-Z0-9]+))?');
    expect(re.fields).toEqual(['genotype', 'region']);
    expect(re.match('2026_WT_m4_V1.tif')).toMatchObject({ values: { genotype: 'WT', region: 'V1' } });
    expect(re.match('2026_WT_m4.tif')).toMatchObject({ values: { genotype: 'WT' } });
    expect(re.match('other.tif')).toEqual({ matched: false });
  });

  it('refuses bad syntax, look-around, unknown and repeated field names', () => {
    expect(message('re:(?<genotype>a')).toMatch(/^not a valid regular expression: .*missing closing \)/);
    expect(message('re:(?=a)(?<sex>b)')).toMatch(/^not a valid regular expression/);
    expect(message('re:(?<colour>a)')).toBe('no field is named "colour"');
    expect(message('re:(?<sex>a)(?<Sex>b)')).toBe('two groups fill sex');
    expect(message('re:abc')).toBe('name a group after a field, e.g. (?<genotype>[^_]+)');
    expect(message(`re:${'a'.repeat(1001)}`)).toBe('the pattern is longer than 1000 characters');
  });

  it('matches a catastrophic pattern in linear time', () => {
    const evil = compiled('re:^(?<genotype>(a+)+)$');
    expect(evil.match(`${'a'.repeat(100_000)}!`)).toEqual({ matched: false });
  });
});

describe('compact dates', () => {
  const pattern = compiled('{date}_{genotype}.tif');

  it('takes a compact date in a date field as YYYY-MM-DD, keeping the text it took', () => {
    expect(pattern.match('20240502_WT.tif', new Set(['date']))).toMatchObject({
      taken: { date: { text: '20240502', ok: true, value: '2024-05-02' } },
      values: { date: '2024-05-02', genotype: 'WT' },
    });
    const regex = compiled('re:^(?<date>\\d{8})');
    expect(regex.match('20240503_x.tif', new Set(['date']))).toMatchObject({ values: { date: '2024-05-03' } });
  });

  it('leaves it as it is outside a date field, and leaves what is not a calendar day', () => {
    expect(pattern.match('20240502_WT.tif')).toMatchObject({ values: { date: '20240502' } });
    expect(pattern.match('20240230_WT.tif', new Set(['date']))).toMatchObject({ values: { date: '20240230' } });
  });
});

describe('names spelled on another system', () => {
  const composed = 'caf\u00e9';
  const decomposed = 'cafe\u0301';

  it('matches a name and a pattern that are the same under NFC, either way round, and takes NFC text', () => {
    expect(compiled(`${composed}_{region}.tif`).match(`${decomposed}_CA1.tif`)).toMatchObject({
      values: { region: 'CA1' },
    });
    expect(compiled(`${decomposed}_{region}.tif`).match(`${composed}_CA1.tif`)).toMatchObject({
      values: { region: 'CA1' },
    });
    expect(compiled('{region}_1.tif').match(`${decomposed}_1.tif`)).toMatchObject({ values: { region: composed } });
    expect(compiled(`re:^${composed}_(?<region>\\w+)`).match(`${decomposed}_V1.tif`)).toMatchObject({
      values: { region: 'V1' },
    });
  });
});
