import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../../../shared/profile';
import { exampleProfileText } from './profile-helpers';

const problemsOf = (text: string) => loadProfile(text, 'lab/acqmeta.profile.json');

describe('loadProfile', () => {
  it.each(['vascular-lab', 'confocal-deposit'] as const)('loads the shipped %s profile with no problems', (name) => {
    const profile = loadProfile(exampleProfileText(name), `${name}.profile.json`);
    expect(profile.problems).toEqual([]);
    expect(profile.compiled).not.toBeNull();
    expect(profile.title).toMatch(/\w/);
  });

  it('reports text that is not JSON with file, line and column, and does not apply it', () => {
    const profile = problemsOf('{\n  "title": "x",\n  "properties": {\n');
    expect(profile.compiled).toBeNull();
    expect(profile.problems).toEqual([
      'lab/acqmeta.profile.json: line 4, column 1: not valid JSON: the file ends too early: expected a key in double quotes',
    ]);
  });

  it.each([
    ['""', 'line 1, column 1: not valid JSON: the file is empty'],
    ['[1]', 'line 1, column 1: a profile must be a JSON object (a JSON Schema describing a sidecar)'],
    ['null', 'line 1, column 1: a profile must be a JSON object (a JSON Schema describing a sidecar)'],
  ])('reports %s as unusable', (text, problem) => {
    const profile = problemsOf(text === '""' ? '' : text);
    expect(profile.compiled).toBeNull();
    expect(profile.problems).toEqual([`lab/acqmeta.profile.json: ${problem}`]);
  });

  it('reports what is not a valid JSON Schema where it is', () => {
    const text =
      '{\n  "properties": {\n    "experiment_metadata": {\n      "properties": {\n        "depth": {"minimum": "zero"},\n        "species": {"type": "strin"}\n      }\n    }\n  }\n}';
    const profile = problemsOf(text);
    expect(profile.compiled).toBeNull();
    expect(profile.problems).toEqual([
      'lab/acqmeta.profile.json: line 5, column 30: "minimum" must be number',
      'lab/acqmeta.profile.json: line 6, column 29: "type" must be one of array, boolean, integer, null, number, object, string',
    ]);
  });

  it('reports a pattern that does not compile, and one that cannot run in linear time', () => {
    const text =
      '{"properties": {"experiment_metadata": {"properties": {\n"genotype": {"pattern": "^(WT"},\n"age": {"pattern": "^P(?=\\\\d)"}}}}}';
    const profile = problemsOf(text);
    expect(profile.compiled).toBeNull();
    expect(profile.problems).toEqual([
      'lab/acqmeta.profile.json: line 2, column 25: pattern "^(WT": not a valid regular expression: Invalid regular expression: /^(WT/u: Unterminated group',
      expect.stringMatching(
        /^lab\/acqmeta\.profile\.json: line 3, column 20: pattern "\^P\(\?=\\\\d\)": this regular expression cannot be run in linear time \(lookaround and backreferences are not supported\)/,
      ),
    ]);
  });

  it('refuses another JSON Schema draft, an unknown format and a $ref to nothing, each where it is', () => {
    expect(problemsOf('{\n"$schema": "http://json-schema.org/draft-07/schema#"}').problems).toEqual([
      'lab/acqmeta.profile.json: line 2, column 12: "$schema" must be https://json-schema.org/draft/2020-12/schema (JSON Schema 2020-12), not "http://json-schema.org/draft-07/schema#"',
    ]);
    const format = problemsOf('{"properties": {"experiment_metadata": {"properties": {"date": {"format": "dat"}}}}}');
    expect(format.compiled).toBeNull();
    expect(format.problems[0]).toMatch(
      /^lab\/acqmeta\.profile\.json: line 1, column \d+: unknown format "dat" \(known: .*\bdate, date-time\b.*\)$/,
    );
    const ref = problemsOf('{"properties": {\n  "experiment_metadata": {"$ref": "#/$defs/missing"}}}');
    expect(ref.problems).toEqual([
      'lab/acqmeta.profile.json: line 2, column 35: "$ref" #/$defs/missing points at nothing in the profile',
    ]);
  });

  it('warns about an unknown keyword (a typo) but applies the profile; x- keywords of other tools pass quietly', () => {
    const profile = problemsOf(
      '{"properties": {"experiment_metadata": {\n  "requried": ["species"], "x-other-tool": 1}}}',
    );
    expect(profile.compiled).not.toBeNull();
    expect(profile.problems).toEqual([
      'lab/acqmeta.profile.json: line 2, column 15: unknown keyword "requried" is ignored (a typo?)',
    ]);
  });

  it('checks the shape of x-synonyms and x-folder', () => {
    const text =
      '{"x-folder": [{"pattern": "^raw/", "required": "yes"}, {"description": "no pattern"}],\n "x-folder-closed": 1,\n "properties": {"experiment_metadata": {"properties": {"species": {"x-synonyms": ["Mouse"]}}}}}';
    expect(problemsOf(text).problems).toEqual([
      expect.stringMatching(/line 3, column \d+: "x-synonyms" must map each variant to the allowed value it means/),
      expect.stringMatching(/line 1, column \d+: "required" must be true or false$/),
      expect.stringMatching(/line 1, column \d+: rule 2 of "x-folder" needs a "pattern"/),
      expect.stringMatching(/line 2, column \d+: "x-folder-closed" must be true or false$/),
    ]);
  });

  it('gives forms what each field asks for', () => {
    const rules = loadProfile(exampleProfileText('vascular-lab'), 'p').compiled?.fields ?? [];
    expect(rules.find((r) => r.field === 'species')).toMatchObject({
      required: true,
      enum: ['mouse', 'rat'],
      synonyms: { Mouse: 'mouse' },
    });
    expect(rules.find((r) => r.field === 'date')).toMatchObject({
      required: true,
      format: 'date',
      formatExample: 'YYYY-MM-DD',
    });
    expect(rules.find((r) => r.field === 'region')).toMatchObject({ examples: ['CA1', 'S1', 'V1'] });
    expect(rules.find((r) => r.field === 'depth')).toMatchObject({ required: false, minimum: 0, maximum: 1500 });
    expect(rules.find((r) => r.field === 'treatment2')).toMatchObject({ required: false, requiredWhen: ['treatment'] });
    expect(rules.find((r) => r.field === 'physical_label_x')).toMatchObject({
      disallowed: ['Pixels'],
      errorMessage: 'calibrate: set µm per pixel',
    });
    expect(rules.find((r) => r.field === 'condition')).toBeUndefined();
  });
});
