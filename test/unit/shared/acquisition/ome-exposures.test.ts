/** Channel exposures from OME-XML Planes: the first Plane of each channel that gives one. */
import { describe, expect, it } from 'vitest';
import { omeAcquisition } from '../../../../shared/acquisition/ome-acquisition';
import { parseXml } from '../../../../shared/tiff/xml';

/** An OME document of two channels with `planes` (Plane elements) after them. */
function withPlanes(planes: string): ReturnType<typeof omeAcquisition> {
  const xml = `<OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06"><Image ID="Image:0"><Pixels ID="Pixels:0" DimensionOrder="XYCZT" Type="uint8" SizeX="1" SizeY="1" SizeC="2" SizeZ="1" SizeT="400"><Channel ID="Channel:0:0" Name="DAPI"/><Channel ID="Channel:0:1" Name="GFP"/>${planes}</Pixels></Image></OME>`;
  const root = parseXml(xml);
  if (root === null) throw new Error('not XML');
  return omeAcquisition(root);
}

const plane = (c: number, t: number, exposure?: string) =>
  `<Plane TheC="${c}" TheZ="0" TheT="${t}"${exposure === undefined ? '' : ` ExposureTime="${exposure}" ExposureTimeUnit="ms"`}/>`;

describe('OME-XML channel exposures', () => {
  it('takes each channel’s first Plane that gives one, however late it comes', () => {
    const planes = [
      ...Array.from({ length: 300 }, (_, t) => plane(0, t, t === 0 ? '20' : '30')),
      ...Array.from({ length: 99 }, (_, t) => plane(1, t)),
      plane(1, 99, '150'),
    ].join('');
    expect(withPlanes(planes).channels?.map((c) => c.exposure_s)).toEqual([0.02, 0.15]);
  });

  it('is not misled by Planes of a channel the image does not have', () => {
    const planes = [plane(5, 0, '1'), plane(7, 0, '2'), plane(0, 0, '20'), plane(1, 0, '40')].join('');
    expect(withPlanes(planes).channels?.map((c) => c.exposure_s)).toEqual([0.02, 0.04]);
  });
});
