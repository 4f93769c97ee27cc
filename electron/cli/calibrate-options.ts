/**
 * The options of `acqmeta calibrate` as a calibration request: every value checked before
 * anything is read or written (a bad one is bad usage, exit 2).
 */
import { calibrationNumber, channelNames, lengthUnitOf, type CalibrationRequest } from '../../shared/tiff-calibration';
import { lastOption, UsageError, type ParsedArgs } from './args';

/** A positive number no larger than the largest taken, from the option `name`'s text. */
function positive(name: string, text: string): number {
  const value = calibrationNumber(text);
  if (value === null)
    throw new UsageError(`${name}: not a number greater than 0 and at most 1,000,000 (got "${text}")`);
  return value;
}

/** The request the options of `args` make. */
export function calibrationRequest(args: ParsedArgs): CalibrationRequest {
  const size = lastOption(args, '--pixel-size');
  const unitText = lastOption(args, '--unit');
  const zStep = lastOption(args, '--z-step');
  const interval = lastOption(args, '--interval');
  const channels = lastOption(args, '--channels');
  const request: CalibrationRequest = {};
  if (size !== undefined) {
    const parts = size.split(',');
    if (parts.length > 2) throw new UsageError(`--pixel-size takes X or X,Y (got "${size}")`);
    const x = positive('--pixel-size', parts[0] as string);
    request.pixelSize = { x, y: parts[1] === undefined ? x : positive('--pixel-size', parts[1]) };
  }
  if (unitText !== undefined) {
    const unit = ['um', 'nm', 'mm'].includes(unitText) ? lengthUnitOf(unitText) : null;
    if (unit === null) throw new UsageError(`--unit takes um, nm or mm (got "${unitText}")`);
    request.unit = unit;
  } else if (size !== undefined) request.unit = 'um';
  if (zStep !== undefined) request.zStep = positive('--z-step', zStep);
  if (interval !== undefined) request.interval = positive('--interval', interval);
  if (channels !== undefined) {
    const names = channelNames(channels);
    if (names === null)
      throw new UsageError(`--channels takes names separated by commas, none empty (got "${channels}")`);
    request.channels = names;
  }
  return request;
}
