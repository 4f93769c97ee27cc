/**
 * Names of TIFF tags, field types and enumerated values, for the "All tags" view.
 * Names follow the TIFF 6.0 specification and tifffile's spelling.
 */

const TAG_NAMES: Readonly<Record<number, string>> = {
  254: 'NewSubfileType', 255: 'SubfileType', 256: 'ImageWidth', 257: 'ImageLength', 258: 'BitsPerSample',
  259: 'Compression', 262: 'PhotometricInterpretation', 263: 'Thresholding', 264: 'CellWidth',
  265: 'CellLength', 266: 'FillOrder', 269: 'DocumentName', 270: 'ImageDescription', 271: 'Make',
  272: 'Model', 273: 'StripOffsets', 274: 'Orientation', 277: 'SamplesPerPixel', 278: 'RowsPerStrip',
  279: 'StripByteCounts', 280: 'MinSampleValue', 281: 'MaxSampleValue', 282: 'XResolution',
  283: 'YResolution', 284: 'PlanarConfiguration', 285: 'PageName', 286: 'XPosition', 287: 'YPosition',
  288: 'FreeOffsets', 289: 'FreeByteCounts', 290: 'GrayResponseUnit', 291: 'GrayResponseCurve',
  292: 'T4Options', 293: 'T6Options', 296: 'ResolutionUnit', 297: 'PageNumber', 301: 'TransferFunction',
  305: 'Software', 306: 'DateTime', 315: 'Artist', 316: 'HostComputer', 317: 'Predictor',
  318: 'WhitePoint', 319: 'PrimaryChromaticities', 320: 'ColorMap', 321: 'HalftoneHints',
  322: 'TileWidth', 323: 'TileLength', 324: 'TileOffsets', 325: 'TileByteCounts', 330: 'SubIFDs',
  332: 'InkSet', 333: 'InkNames', 334: 'NumberOfInks', 336: 'DotRange', 337: 'TargetPrinter',
  338: 'ExtraSamples', 339: 'SampleFormat', 340: 'SMinSampleValue', 341: 'SMaxSampleValue',
  342: 'TransferRange', 343: 'ClipPath', 347: 'JPEGTables', 512: 'JPEGProc', 513: 'JPEGInterchangeFormat',
  514: 'JPEGInterchangeFormatLength', 515: 'JPEGRestartInterval', 517: 'JPEGLosslessPredictors',
  518: 'JPEGPointTransforms', 519: 'JPEGQTables', 520: 'JPEGDCTables', 521: 'JPEGACTables',
  529: 'YCbCrCoefficients', 530: 'YCbCrSubSampling', 531: 'YCbCrPositioning', 532: 'ReferenceBlackWhite',
  700: 'XMP', 32781: 'ImageID', 32932: 'WangAnnotation', 32995: 'Matteing', 32996: 'DataType',
  32997: 'ImageDepth', 32998: 'TileDepth', 33432: 'Copyright', 33434: 'ExposureTime', 33437: 'FNumber',
  33445: 'MDFileTag', 33446: 'MDScalePixel', 33447: 'MDColorTable', 33550: 'ModelPixelScaleTag',
  33628: 'UIC1tag', 33629: 'UIC2tag', 33630: 'UIC3tag', 33631: 'UIC4tag', 33723: 'IPTCNAA',
  33922: 'ModelTiepointTag', 34118: 'CZ_SEM', 34264: 'ModelTransformationTag', 34361: 'MM_Header',
  34362: 'MM_Stamp', 34363: 'MM_Unknown', 34377: 'ImageResources', 34386: 'MM_UserBlock',
  34412: 'CZ_LSMINFO', 34665: 'ExifTag', 34675: 'InterColorProfile', 34680: 'FEI_SFEG',
  34682: 'FEI_HELIOS', 34735: 'GeoKeyDirectoryTag', 34736: 'GeoDoubleParamsTag',
  34737: 'GeoAsciiParamsTag', 34853: 'GPSTag', 37706: 'TVIPS', 40965: 'InteroperabilityTag',
  42112: 'GDAL_METADATA', 42113: 'GDAL_NODATA', 43314: 'NIHImageHeader', 50288: 'MC_Id',
  50290: 'MC_ZPosition', 50838: 'IJMetadataByteCounts', 50839: 'IJMetadata',
  51123: 'MicroManagerMetadata', 51125: 'DefaultUserCrop', 65200: 'FlexXML',
};

const TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'BYTE', 2: 'ASCII', 3: 'SHORT', 4: 'LONG', 5: 'RATIONAL', 6: 'SBYTE', 7: 'UNDEFINED', 8: 'SSHORT',
  9: 'SLONG', 10: 'SRATIONAL', 11: 'FLOAT', 12: 'DOUBLE', 13: 'IFD', 16: 'LONG8', 17: 'SLONG8', 18: 'IFD8',
};

const COMPRESSION_NAMES: Readonly<Record<number, string>> = {
  1: 'NONE', 2: 'CCITTRLE', 3: 'CCITT_T4', 4: 'CCITT_T6', 5: 'LZW', 6: 'OJPEG', 7: 'JPEG', 8: 'ADOBE_DEFLATE',
  9: 'JBIG_BW', 10: 'JBIG_COLOR', 99: 'JPEG_99', 262: 'KODAK_262', 22610: 'JPEGXR_NDPI', 32766: 'NEXT',
  32767: 'SONY_ARW', 32769: 'PACKED_RAW', 32770: 'SAMSUNG_SRW', 32771: 'CCIRLEW', 32772: 'SAMSUNG_SRW2',
  32773: 'PACKBITS', 32809: 'THUNDERSCAN', 32895: 'IT8CTPAD', 32896: 'IT8LW', 32897: 'IT8MP', 32898: 'IT8BL',
  32908: 'PIXARFILM', 32909: 'PIXARLOG', 32946: 'DEFLATE', 32947: 'DCS', 33003: 'APERIO_JP2000_YCBC',
  33004: 'JPEG_2000_LOSSY', 33005: 'APERIO_JP2000_RGB', 33007: 'ALT_JPEG', 34661: 'JBIG', 34676: 'SGILOG',
  34677: 'SGILOG24', 34712: 'JPEG2000', 34713: 'NIKON_NEF', 34715: 'JBIG2', 34718: 'MDI_BINARY',
  34719: 'MDI_PROGRESSIVE', 34720: 'MDI_VECTOR', 34887: 'LERC', 34892: 'JPEG_LOSSY', 34925: 'LZMA',
  34926: 'ZSTD_DEPRECATED', 34927: 'WEBP_DEPRECATED', 34933: 'PNG', 34934: 'JPEGXR', 48124: 'JETRAW',
  50000: 'ZSTD', 50001: 'WEBP', 50002: 'JPEGXL', 50013: 'PIXTIFF',
};

/** Names of enumerated values of a few tags, shown next to the number. */
const VALUE_NAMES: Readonly<Record<number, Readonly<Record<number, string>>>> = {
  259: COMPRESSION_NAMES,
  262: {
    0: 'MINISWHITE', 1: 'MINISBLACK', 2: 'RGB', 3: 'PALETTE', 4: 'MASK', 5: 'SEPARATED', 6: 'YCBCR',
    8: 'CIELAB', 9: 'ICCLAB', 10: 'ITULAB', 32844: 'LOGL', 32845: 'LOGLUV', 34892: 'LINEAR_RAW',
  },
  266: { 1: 'MSB2LSB', 2: 'LSB2MSB' },
  274: { 1: 'TOPLEFT', 2: 'TOPRIGHT', 3: 'BOTRIGHT', 4: 'BOTLEFT', 5: 'LEFTTOP', 6: 'RIGHTTOP', 7: 'RIGHTBOT', 8: 'LEFTBOT' },
  284: { 1: 'CONTIG', 2: 'SEPARATE' },
  296: { 1: 'NONE', 2: 'INCH', 3: 'CENTIMETER' },
  317: { 1: 'NONE', 2: 'HORIZONTAL', 3: 'FLOATINGPOINT' },
  338: { 0: 'UNSPECIFIED', 1: 'ASSOCALPHA', 2: 'UNASSALPHA' },
  339: { 1: 'UINT', 2: 'INT', 3: 'IEEEFP', 4: 'VOID', 5: 'COMPLEXINT', 6: 'COMPLEXIEEEFP' },
};

/** Name of a tag, or `Tag<code>` for private tags nobody registered here. */
export function tagName(code: number): string {
  return TAG_NAMES[code] ?? `Tag${code}`;
}

/** Name of a field type, e.g. `SHORT`; unknown types as `unknown (0)`. */
export function typeName(type: number): string {
  return TYPE_NAMES[type] ?? `unknown (${type})`;
}

/** tifffile's name of a compression scheme, e.g. `LZW`; unknown ones as their number. */
export function compressionName(code: number): string {
  return COMPRESSION_NAMES[code] ?? String(code);
}

/** Name of an enumerated tag value, if the tag has names for its values. */
export function valueName(code: number, value: number): string | undefined {
  return VALUE_NAMES[code]?.[value];
}
