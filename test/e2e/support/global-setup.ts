/**
 * Before the end-to-end tests: the run's own temporary folder (TMPDIR of every worker, server and
 * browser it starts), removed after the run with whatever a test left in it.
 */
import { useRunTempFolder } from '../../run-temp-folder';

export default function globalSetup(): () => void {
  return useRunTempFolder();
}
