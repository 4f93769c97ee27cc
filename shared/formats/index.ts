/**
 * The vendor-format header readers (Zeiss CZI, Nikon ND2, Leica LIF, Olympus OIB): pure code
 * over a {@link ByteSource}, for Node and the browser.
 */
export {
  readVendorHeader,
  isVendorImagePath,
  vendorFormatOfPath,
  vendorFormatOfBytes,
  VENDOR_IMAGE_EXTENSIONS,
} from './read-vendor-header';
export { resolveCziSubblock } from './czi';
export { oibPlaneSource } from './oib';
export { VendorReadError } from './types';
export { vendorInfoOf, vendorSummaryOf, type VendorInfo } from './vendor-info';
export type {
  VendorFormat,
  VendorFileDetail,
  VendorHeader,
  VendorImageSummary,
  VendorReadOptions,
  PlaneStore,
  PlaneTile,
  StoredPlane,
} from './types';
export { headerFromSizes } from './header-strings';
