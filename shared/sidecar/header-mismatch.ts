/**
 * Whether a sidecar belongs to the image beside it: the header it recorded (shape, axes, data
 * type, channels) against the one read from the file now. A difference means the sidecar was
 * copied beside the wrong image, or the image was replaced after the sidecar was written.
 */
import type { HeaderValues } from '../image-header';

/** The recorded header values compared, with the words a message uses for each. */
const COMPARED: readonly { key: keyof HeaderValues; words: string }[] = [
  { key: 'shape', words: 'shape' },
  { key: 'dims', words: 'axes' },
  { key: 'dtype', words: 'data type' },
  { key: 'num_channels', words: 'channels' },
];

/**
 * The problem, naming both values of each difference (`The sidecar records shape (64, 64) but
 * the image has (200, 200): ...`); null when they agree or the sidecar records no header.
 */
export function headerMismatch(recorded: HeaderValues | null, file: HeaderValues): string | null {
  if (recorded === null) return null;
  const differences = COMPARED.filter(({ key }) => String(recorded[key]) !== String(file[key])).map(
    ({ key, words }) => `${words} ${String(recorded[key])} but the image has ${String(file[key])}`,
  );
  if (differences.length === 0) return null;
  return `The sidecar records ${differences.join('; ')}: was it copied beside another image, or the image replaced?`;
}
