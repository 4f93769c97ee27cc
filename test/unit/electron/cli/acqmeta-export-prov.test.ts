import { createHash } from 'node:crypto';
import { appendFile, cp, readdir, readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ProvDocument } from '../../../../shared/journal';
import { markdownText } from '../../../../shared/sheets/markdown-text';
import { cliInFolder } from './support/cli-in-folder';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures');

/** The images of test/fixtures/e2e-folder that `set` writes (the others' sidecars are invalid or unreadable). */
const WRITTEN = [
  'cells/multi-channel.ome.tif',
  'cells/multi-tiff_Channel_0.tif',
  'linescans/ls_01.tif',
  'linescans/ls_02.tif',
  'linescans/ls_03.tif',
  'stacks/_blobs_3d_fiji_skeleton.tif',
];

describe('acqmeta export --format prov', () => {
  const { acqmeta, at } = cliInFolder('acqmeta-prov-', {
    prepare: (base) =>
      cp(path.join(FIXTURES, 'e2e-folder'), path.join(base, 'mixed'), {
        filter: (src) => !src.endsWith('.py'),
        recursive: true,
      }),
  });
  const sha256 = async (rel: string) =>
    createHash('sha256')
      .update(await readFile(at(rel)))
      .digest('hex');

  it('writes the journal of a real set as PROV-JSON: the batch, its person and program, each version written', async () => {
    expect((await acqmeta('set', 'mixed', '--set', 'genotype=Thy1')).stdout).toContain('5 sidecars updated, 1 created');
    // the name's ending picks the format
    const run = await acqmeta('export', 'mixed', '-o', 'journal.prov.json');
    expect([run.code, run.stdout, run.stderr]).toEqual([
      0,
      '',
      '6 journaled writes (1 action) written to journal.prov.json as PROV-JSON\n',
    ]);
    const text = await readFile(at('journal.prov.json'), 'utf8');
    expect((await acqmeta('export', 'mixed', '--format', 'prov')).stdout).toBe(text);
    const document = JSON.parse(text) as ProvDocument;

    const [batch, ...otherBatches] = Object.keys(document.activity);
    expect(otherBatches).toEqual([]);
    expect(document.activity[batch as string]).toMatchObject({
      'prov:label': 'set --set genotype=Thy1',
      'acqmeta:tool': 'acqmeta',
      'acqmeta:writes': 6,
    });
    const person = Object.keys(document.agent).find((id) => id.startsWith('acqmeta:person/'));
    expect(document.agent[person as string]).toMatchObject({
      'prov:type': { $: 'prov:Person', type: 'xsd:QName' },
      'acqmeta:user': userInfo().username,
    });
    expect(document.agent['acqmeta:software/acqmeta']).toMatchObject({
      'prov:type': { $: 'prov:SoftwareAgent', type: 'xsd:QName' },
    });

    // each version generated is the sidecar now on disk, with the value set
    const generated = Object.values(document.wasGeneratedBy).map((g) => document.entity[g['prov:entity'] as string]);
    expect(generated.map((entity) => entity?.['acqmeta:image']).sort()).toEqual(WRITTEN);
    for (const entity of generated) {
      const image = entity?.['acqmeta:image'] as string;
      expect(entity).toMatchObject({ 'prov:location': `mixed/${image}.json`, 'field:genotype': 'Thy1' });
      expect(entity?.['acqmeta:sha256']).toBe(await sha256(`mixed/${image}.json`));
    }
    // the created sidecar was derived from nothing; the five updated ones from what the set found
    expect(Object.keys(document.used)).toHaveLength(5);
    expect(Object.keys(document.wasDerivedFrom)).toHaveLength(5);
  });

  it('says so when nothing was journaled, warns of a line cut short, and takes no --acquisition', async () => {
    const none = await acqmeta('export', 'mixed', '--format', 'prov');
    expect([none.code, none.stderr]).toEqual([
      0,
      'no journaled changes under mixed: the PROV document has no records\n',
    ]);
    expect(Object.keys(JSON.parse(none.stdout) as ProvDocument)).toContain('entity');

    await acqmeta('set', 'mixed/linescans', '--set', 'genotype=Thy1');
    // the journal goes to the folder the command was given
    const journalDir = at('mixed', 'linescans', '.acqmeta', 'journal');
    const [file] = await readdir(journalDir);
    await appendFile(path.join(journalDir, file as string), '{"id":"torn","batch":');
    const torn = await acqmeta('export', 'mixed', '--format', 'prov');
    expect(torn.code).toBe(0);
    expect(torn.stderr).toMatch(/^warning: .*\.jsonl: line 4 was cut short \(a write interrupted\)$/m);
    expect(Object.keys((JSON.parse(torn.stdout) as ProvDocument).wasGeneratedBy)).toHaveLength(3);

    const refused = await acqmeta('export', 'mixed', '--format', 'prov', '--acquisition');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      '--acquisition adds columns to a table (csv, tsv, xlsx, omero), not to the change journal',
    );
  });

  it('gives the dataset readme a provenance section once the folder has journaled writes', async () => {
    const before = await acqmeta('export', 'mixed', '--format', 'readme');
    expect(before.stdout).not.toContain('## Provenance');
    await acqmeta('set', 'mixed', '--set', 'genotype=Thy1');
    const after = await acqmeta('export', 'mixed', '--format', 'readme');
    expect(after.stdout).toContain("AcqMeta's change journal records 6 sidecar writes to 6 images in 1 action.");
    expect(after.stdout).toContain(`- **Edited by:** ${markdownText(userInfo().username)}: 6 writes.`);
    expect(after.stdout).toMatch(/^\| \d{4}-\d\d-\d\d \| .+ \| acqmeta \| set --set genotype=Thy1 \| 6 \|$/m);
  });
});
