/** How summary figures read in the results dialog; a result's name and cell text are `shared/columns`'. */
import { formatCount } from './format';

/**
 * A summary figure to read: 4 significant digits, trailing zeros kept so a column reads alike
 * (`1.918`, `0.4430`, `12.50`), whole numbers from 10,000 on (`12,346`); the full value belongs in
 * a tooltip.
 */
export function formatFigure(n: number): string {
  if (n === 0 || !Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 10_000) return formatCount(Math.round(n));
  const text = n.toPrecision(4);
  return text.includes('e') ? String(Number(text)) : text;
}
