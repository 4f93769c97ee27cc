/** Types of the index suite's generator as the unit tests use it (see index-rows.mjs). */
import type { ImageRow } from '../../../shared/api';

/** Image `i` of a facility of `count`: its share, its row as the app's table holds it, and its file's modification time. */
export declare function facilityImage(i: number, count: number): { share: string; row: ImageRow; time: number };
