/** The distinct values of a text field with their variants, as the Normalize view lists them. */
import { useMemo } from 'react';
import { distinctValues, type DistinctValue } from './normalize-plan';
import { selectValueCounts } from './profile-selectors';
import { useApp } from '../store';

/** The values of field `name` in use now, each with its reason to be replaced and its suggestion. */
export function useDistinctValues(name: string): DistinctValue[] {
  const counts = useApp((s) => selectValueCounts(s, name));
  const rules = useApp((s) => s.profiles?.flatMap((p) => p.fields).find((r) => r.field === name));
  return useMemo(() => distinctValues(counts, rules), [counts, rules]);
}

/** How many values of field `name` look like variants of another. */
export function useVariantCount(name: string): number {
  return useDistinctValues(name).filter((v) => v.reason !== null).length;
}
