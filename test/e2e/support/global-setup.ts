/**
 * Before the end-to-end tests: the run's own temporary folder (TMPDIR of every worker, server and
 * browser it starts), removed after the run with whatever a test left in it, and the server's
 * compiled code in it, which every test's server then uses.
 */
import { useRunTempFolder } from '../../run-temp-folder';
import { compileServerCode } from './serve';

export default async function globalSetup(): Promise<() => void> {
  const removeRunFolder = useRunTempFolder();
  await compileServerCode();
  return removeRunFolder;
}
