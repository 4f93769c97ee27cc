/** A typed array of one of the sample types images are decoded to (numpy's uint8 … float64). */
export type SampleArray =
  Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;
