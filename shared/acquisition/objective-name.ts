/**
 * What an objective's name says of it, when the file records only the name (Zeiss LSM):
 * `EC Plan-Neofluar 40x/1.30 Oil DIC M27` is 40× with NA 1.30, oil immersion. Only the
 * `<magnification>x/<NA>` pattern and a spelled-out immersion medium are read; a name that
 * does not show them gives nothing.
 */

/** Immersion media spelled out in objective names, as the model records them. */
const IMMERSIONS: Readonly<Record<string, string>> = {
  oil: 'Oil',
  water: 'Water',
  glycerol: 'Glycerol',
  glycerin: 'Glycerol',
  silicone: 'Silicone',
  air: 'Air',
};

/** Magnification, NA and immersion written in an objective's name (each absent when not written). */
export function objectiveFromName(name: string): { magnification?: number; na?: number; immersion?: string } {
  const out: { magnification?: number; na?: number; immersion?: string } = {};
  const optics = /(?:^|[\s(])(\d{1,3}(?:\.\d+)?)\s*[x×]\s*\/\s*(\d(?:\.\d+)?)(?=$|[\s,)])/i.exec(name);
  if (optics !== null) {
    const magnification = Number(optics[1]);
    const na = Number(optics[2]);
    if (magnification > 0) out.magnification = magnification;
    if (na > 0 && na < 2) out.na = na;
  }
  for (const word of name.toLowerCase().split(/[^a-z]+/)) {
    const medium = IMMERSIONS[word];
    if (medium !== undefined) {
      out.immersion = medium;
      break;
    }
  }
  return out;
}
