// Generates every app icon from ONE source drawing, build/icons/icon.svg:
// build/icons/NxN.png (16..1024, Linux), icon.png (1024), icon.ico (Windows) and icon.icns (macOS).
// Rasterising uses ImageMagick's `convert`; the .ico and .icns containers are written here, with
// PNG payloads (supported by Windows Vista+ and macOS 10.7+). Run: node build/scripts/make-icons.mjs
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ICONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../icons');
const SOURCE = path.join(ICONS, 'icon.svg');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS element types with PNG payloads, by pixel size (Apple's icns types list). */
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

const png = (size) => path.join(ICONS, `${size}x${size}.png`);

for (const size of SIZES) {
  execFileSync('convert', [
    '-background',
    'none',
    SOURCE,
    '-filter',
    'Lanczos',
    '-resize',
    `${size}x${size}`,
    '-strip',
    '-define',
    'png:exclude-chunks=date,time',
    `PNG32:${png(size)}`,
  ]);
}
copyFileSync(png(1024), path.join(ICONS, 'icon.png'));

// ICO: ICONDIR (6 bytes), one 16-byte ICONDIRENTRY per image, then the PNG files.
const icoImages = ICO_SIZES.map((size) => ({ size, data: readFileSync(png(size)) }));
const icoHeader = Buffer.alloc(6 + 16 * icoImages.length);
icoHeader.writeUInt16LE(0, 0);
icoHeader.writeUInt16LE(1, 2);
icoHeader.writeUInt16LE(icoImages.length, 4);
let offset = icoHeader.length;
icoImages.forEach(({ size, data }, i) => {
  const at = 6 + 16 * i;
  icoHeader.writeUInt8(size >= 256 ? 0 : size, at);
  icoHeader.writeUInt8(size >= 256 ? 0 : size, at + 1);
  icoHeader.writeUInt16LE(1, at + 4); // colour planes
  icoHeader.writeUInt16LE(32, at + 6); // bits per pixel
  icoHeader.writeUInt32LE(data.length, at + 8);
  icoHeader.writeUInt32LE(offset, at + 12);
  offset += data.length;
});
writeFileSync(path.join(ICONS, 'icon.ico'), Buffer.concat([icoHeader, ...icoImages.map((i) => i.data)]));

// ICNS: 'icns' + total length, then elements of type (4 bytes) + length (incl. 8-byte header) + data.
const elements = ICNS_TYPES.map(([type, size]) => {
  const data = readFileSync(png(size));
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32BE(data.length + 8, 4);
  return Buffer.concat([head, data]);
});
const icnsHead = Buffer.alloc(8);
icnsHead.write('icns', 0, 'latin1');
icnsHead.writeUInt32BE(8 + elements.reduce((sum, e) => sum + e.length, 0), 4);
writeFileSync(path.join(ICONS, 'icon.icns'), Buffer.concat([icnsHead, ...elements]));
console.log(`Wrote ${SIZES.length} PNGs, icon.png, icon.ico and icon.icns in ${path.relative(process.cwd(), ICONS)}`);
