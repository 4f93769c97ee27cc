/**
 * `acqmeta show <image> [--json]`: header, file facts, acquisition metadata, all tags and
 * description (a TIFF), the file's images and attachments (a CZI, ND2, LIF or OIB file),
 * sidecar values.
 */
import type { DamagedSidecar, ImageRow } from '../../../shared/api';
import { EDITABLE_FIELDS, HEADER_FIELDS } from '../../../shared/fields/field-table';
import { CALIBRATION_SOURCE_NAMES, writtenText } from '../../../shared/sidecar';
import {
  IMAGE_FORMAT_NAMES,
  isNgffInfo,
  isTiffInfo,
  isVendorInfo,
  readsFileHeader,
  type ImageInfo,
} from '../../../shared/image-format';
import { ngffAxisText, ngffChannelText, ngffLevelCells, ngffVersionText } from '../../../shared/ngff/ngff-text';
import type { NgffImage } from '../../../shared/ngff/types';
import type { VendorFileDetail } from '../../../shared/formats';
import type { TiffInfo } from '../../../shared/tiff';
import type { InstrumentMatch } from '../../../shared/instruments';
import {
  createProfileCache,
  createProfileFinder,
  instrumentMatchOf,
  type InstrumentCatalogue,
} from '../../services/profile';
import { composeRow, readImage } from '../../services/rows';
import { createTiffScanner } from '../../services/tiff';
import { EXIT, type Command } from '../cli-io';
import { acquisitionLines } from '../acquisition-format';
import { instrumentLines } from '../instrument-format';
import { describeStored, rowRecord } from '../row-format';
import { recoverHeaderWritesOf } from '../header-recovery';
import { imageArgument } from '../targets';

/** The `show` command. */
export const showCommand: Command = {
  name: 'show',
  help: `Usage: acqmeta show <image> [--json]

Shows the header values, the file's format, its facts (a TIFF: pages, compression, byte
order, every tag of the first IFD and the ImageDescription; a CZI, ND2, LIF or OIB file: its
images or scenes and its attachments), the calibration the file declares, the acquisition
metadata it records (instrument, objective, channels, pixel size, interval, date, software,
each flavour read), the microscope, objective, light sources and emission filters it matches
in the lab's catalogue (the nearest acqmeta.instruments/ folder of Micro-Meta App files), the sidecar state and the value of every editable field (defaults when
there is no sidecar; for an invalid sidecar, those that can still be read from it, as
written, never defaults).

  --json   one JSON object with the same facts

Exits 1 when the image or its sidecar has problems.`,
  syntax: { positionals: { min: 1, max: 1 }, flags: ['--json'] },
  async run(args, io) {
    const { root, entry } = await imageArgument(io.cwd, args.positionals[0] as string);
    await recoverHeaderWritesOf(io, args.positionals, [entry]);
    const scanner = createTiffScanner();
    try {
      const profiles = createProfileFinder(createProfileCache(), { root });
      const {
        scan,
        read,
        profile,
        channels,
        instruments: catalogue,
        damaged,
      } = await readImage(root, entry, scanner, profiles);
      const info = scan?.ok === true ? scan.info : null;
      const match = instrumentMatchOf(catalogue, info?.acquisition);
      const row = composeRow(entry, scan, read, profile, channels, match);
      const lines = args.flags.has('--json')
        ? [JSON.stringify({ ...showRecord(row, info, damaged), ...catalogueRecord(catalogue, match) }, null, 2)]
        : [
            ...showLines(row, info, damaged),
            ...(catalogue === null ? [] : instrumentLines(catalogue.folder, match, catalogue.problems)),
          ];
      for (const line of lines) await io.out.line(line);
      return row.errors.length > 0 ? EXIT.problems : EXIT.ok;
    } finally {
      await scanner.close();
    }
  },
};

/** The catalogue in force and the image matched to it (each null when no `acqmeta.instruments/` is in force). */
function catalogueRecord(
  catalogue: InstrumentCatalogue | null,
  match: InstrumentMatch | null,
): Record<string, unknown> {
  return {
    instrument_catalogue: catalogue === null ? null : { folder: catalogue.folder, problems: catalogue.problems },
    instrument_match: match,
  };
}

/** An invalid sidecar's values that could be read, by field name, as the file writes them. */
function damagedValues(damaged: DamagedSidecar): Record<string, string> {
  return Object.fromEntries(damaged.values.map((v) => [v.name, writtenText(v.value)]));
}

function showRecord(row: ImageRow, read: ImageInfo | null, damaged: DamagedSidecar | null): Record<string, unknown> {
  const info = tiffInfo(read);
  const vendor = vendorDetail(read);
  return {
    ...rowRecord(row),
    // an invalid sidecar's values are unknown: what could be read is given as written, never defaults
    values: row.sidecar === 'invalid' ? null : row.values,
    ...(damaged === null ? {} : { values_read_from_damaged_file: damagedValues(damaged) }),
    page_count: info?.pageCount ?? null,
    compression: info?.compression ?? null,
    tiled: info?.tiled ?? null,
    byte_order: info?.byteOrder ?? null,
    big_tiff: info?.bigTiff ?? null,
    planes: info?.planes ?? null,
    tags: info?.tags ?? [],
    description: info?.description ?? { kind: 'none', text: '' },
    ...(vendor === null ? {} : { images: vendor.images, attachments: vendor.attachments }),
    ...(read !== null && isNgffInfo(read) ? { planes: read.planes, ngff: read.ngff } : {}),
  };
}

/** A TIFF's facts; null for another format or an image whose header was not read. */
function tiffInfo(read: ImageInfo | null): TiffInfo | null {
  return read !== null && isTiffInfo(read) ? read : null;
}

/** A vendor file's images and attachments; null for a TIFF or an image whose header was not read. */
function vendorDetail(read: ImageInfo | null): VendorFileDetail | null {
  return read !== null && isVendorInfo(read) ? read.vendor : null;
}

/** The calibration a file declares, in words. */
function calibrationText(read: ImageInfo): string {
  const cal = read.fileCalibration;
  return cal === null
    ? '(none declared)'
    : `${cal.x} x ${cal.y} ${cal.unit} per pixel (${CALIBRATION_SOURCE_NAMES[cal.source]})`;
}

/** A vendor file's facts: planes, calibration, its images (scenes, positions) and attachments. */
function vendorLines(
  read: ImageInfo,
  vendor: VendorFileDetail,
  pairs: (items: [string, string][]) => string[],
): string[] {
  const lines = pairs([
    ['Planes', `C ${read.planes.c}, Z ${read.planes.z}, T ${read.planes.t} (image 0)`],
    ['Calibration', calibrationText(read)],
  ]);
  lines.push('', `Images (${vendor.images.length}; the header describes image 0)`);
  lines.push(...vendor.images.map((image, i) => `  ${i}  ${image.name}  ${image.dims} ${image.shape} ${image.dtype}`));
  if (vendor.attachments.length > 0) lines.push('', 'Attachments', ...vendor.attachments.map((name) => `  ${name}`));
  return lines;
}

/** An OME-Zarr store's facts: its NGFF version, axes, resolution levels and channels. */
function storeLines(read: ImageInfo, ngff: NgffImage, pairs: (items: [string, string][]) => string[]): string[] {
  const lines = pairs([
    ['Metadata', ngffVersionText(ngff)],
    ['Axes', ngff.axes.map(ngffAxisText).join(', ')],
    ['Planes', `C ${read.planes.c}, Z ${read.planes.z}, T ${read.planes.t}`],
    ['Calibration', calibrationText(read)],
  ]);
  lines.push('', `Levels (${ngff.levels.length})`);
  for (const level of ngff.levels) {
    const cells = ngffLevelCells(level);
    lines.push(
      `  ${cells.path}  ${cells.shape}  ${cells.dtype}  chunks ${cells.chunks}  scale ${cells.scale}  ${cells.codecs}`,
    );
  }
  if (ngff.channels.length > 0)
    lines.push('', 'Channels', ...ngff.channels.map((c, i) => `  ${ngffChannelText(c, i)}`));
  return lines;
}

function showLines(row: ImageRow, read: ImageInfo | null, damaged: DamagedSidecar | null): string[] {
  const info = tiffInfo(read);
  const vendor = vendorDetail(read);
  const pairs = (items: [string, string][]): string[] => {
    const width = Math.max(...items.map(([k]) => k.length));
    return items.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`.trimEnd());
  };
  const lines = [
    row.path,
    ...(row.exportedFrom === undefined ? [] : [`Exported from ${row.exportedFrom}`]),
    `Format: ${IMAGE_FORMAT_NAMES[row.format]}`,
    '',
    'Header',
  ];
  const header = row.header;
  lines.push(
    ...(header === null
      ? ['  (not readable)']
      : pairs(
          HEADER_FIELDS.filter((f) => !f.editable).map((f) => [
            f.displayName,
            String(header[f.name as keyof typeof header]),
          ]),
        )),
  );
  if (read !== null && vendor !== null) lines.push('', 'File', ...vendorLines(read, vendor, pairs));
  if (read !== null && isNgffInfo(read)) lines.push('', 'Store', ...storeLines(read, read.ngff, pairs));
  if (info !== null) {
    lines.push('', 'File');
    lines.push(
      ...pairs([
        ['Pages', String(info.pageCount)],
        ['Compression', info.compression],
        ['Tiled', info.tiled ? 'yes' : 'no'],
        ['Byte order', info.byteOrder ?? '-'],
        ['BigTIFF', info.bigTiff ? 'yes' : 'no'],
        ['Planes', `C ${info.planes.c}, Z ${info.planes.z}, T ${info.planes.t}`],
        ['Calibration', calibrationText(info)],
      ]),
    );
  }
  if (readsFileHeader(row.format)) lines.push(...acquisitionLines(row.acquisition));
  if (row.sidecar === 'invalid') {
    lines.push('', 'Sidecar: invalid, left untouched', ...damagedLines(damaged, pairs));
  } else {
    lines.push(
      '',
      `Sidecar: ${row.sidecar}${row.sidecar === 'missing' ? ' (the values a new sidecar starts with)' : ''}`,
    );
    lines.push(...pairs(EDITABLE_FIELDS.map((f) => [f.displayName, describeStored(row.values[f.name], f)])));
  }
  if (row.errors.length > 0) lines.push('', 'Problems', ...row.errors.map((e) => `  ${e}`));
  if (row.profile !== null) {
    lines.push('', `Lab profile: ${row.profile}`);
    lines.push(
      ...(row.profileProblems.length === 0 ? ['  (no problems)'] : row.profileProblems.map((p) => `  ${p.message}`)),
    );
  }
  if (info !== null) {
    lines.push('', 'Tags (first IFD)');
    lines.push(
      ...info.tags.map((t) => `  ${String(t.code).padStart(5)}  ${t.name} (${t.type}[${t.count}]): ${t.value}`),
    );
    lines.push('', `Description (${info.description.kind})`);
    lines.push(
      ...(info.description.text === '' ? ['  (none)'] : info.description.text.split(/\r?\n/).map((l) => `  ${l}`)),
    );
  }
  return lines;
}

/** The values read from an invalid sidecar, as written, and the fields not read (never their defaults). */
function damagedLines(damaged: DamagedSidecar | null, pairs: (items: [string, string][]) => string[]): string[] {
  if (damaged === null) return ['  (not read)'];
  const values = damagedValues(damaged);
  const read = EDITABLE_FIELDS.filter((f) => f.name in values);
  const missed = EDITABLE_FIELDS.filter((f) => !(f.name in values)).map((f) => f.displayName);
  const where =
    damaged.readUntilLine === null ? 'the file' : `the file up to line ${damaged.readUntilLine}, where it is damaged`;
  return [
    `  Read from ${where}, as written:`,
    ...(read.length === 0 ? ['  (none)'] : pairs(read.map((f) => [f.displayName, values[f.name] as string]))),
    ...(missed.length === 0 ? [] : [`  Not read: ${missed.join(', ')}`]),
  ];
}
