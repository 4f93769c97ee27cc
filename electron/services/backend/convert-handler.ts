/**
 * Conversion methods: startConvert and cancelConvert (the archival OME-TIFF copies). The
 * conversion itself is being built (issue 49); until it lands both refuse with INTERNAL.
 */
import type { ApiHandlers } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import type { BackendContext } from './backend-context';

type ConvertHandlers = Pick<ApiHandlers, 'startConvert' | 'cancelConvert'>;

/** Handlers of the conversion methods. */
export function convertHandlers(_context: BackendContext): ConvertHandlers {
  const notYet = (): never => {
    throw new ApiFailure('INTERNAL', 'Converting to OME-TIFF is not built yet.');
  };
  return { startConvert: async () => notYet(), cancelConvert: async () => notYet() };
}
