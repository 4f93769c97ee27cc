/**
 * HuBMAP's `antibodies.tsv` from the channel table in force: one row per channel that names an
 * antibody (Antibody Name or RRID identifier filled). channel_id is its Channel ID,
 * antibody_rrid its RRID without the `RRID:` prefix, lot_number its Lot; any other column
 * comes from a table column named as the field's key or label (a lab's `HGNC symbol`). A
 * target name is not an HGNC symbol, so Target Name fills nothing here.
 */
import { namesAntibody } from './channel-cells';
import { channelFileTable, type ChannelFileColumn, type ChannelsInForce } from './channel-file';
import { ruleOfField } from './column-rules';
import type { SubmissionImage } from './image-facts';
import type { MetadataTemplate } from './metadata-templates';
import type { SubmissionTable } from './submission-cells';

/** The file name of a HuBMAP antibodies table, beside the metadata TSV. */
export const ANTIBODIES_FILE = 'antibodies.tsv';

/** The channel-table columns that fill an antibodies field besides its own key and label. */
const FROM_CHANNEL_TABLE: Readonly<Record<string, string>> = {
  channel_id: 'Channel ID',
  antibody_rrid: 'RRID identifier',
  lot_number: 'Lot',
};

/** The antibodies table of `template` from `channels`, checked against the channels of `images`. */
export function antibodiesTable(
  template: MetadataTemplate,
  channels: ChannelsInForce,
  images: readonly SubmissionImage[],
): SubmissionTable {
  const columns = template.columns.map((key): ChannelFileColumn => {
    const field = template.fields.find((f) => f.key === key);
    const rule = field === undefined ? { name: key, required: false } : ruleOfField(field);
    if (key === 'metadata_schema_id' && template.metadataSchemaId !== null)
      return { rule, names: [], fixed: { value: template.metadataSchemaId, from: 'template' } };
    const own = FROM_CHANNEL_TABLE[key];
    const names = [...(own === undefined ? [] : [own]), ...(field === undefined ? [key] : [field.label, key])];
    return { rule, names };
  });
  return channelFileTable(
    {
      file: ANTIBODIES_FILE,
      columns,
      takes: namesAntibody,
      noRows:
        'the channel table names no antibody (no Antibody Name or RRID identifier): the file has its header only; list the antibodies there if the dataset used any',
      repository: 'HuBMAP',
    },
    channels,
    images,
  );
}
