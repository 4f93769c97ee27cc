/** The facility index from the app on the embedded engine: the index file in the settings folder, as the command line's default. */
import path from 'node:path';
import { indexHandlerCases, settingsFolder } from './index-handler-cases';

indexHandlerCases({
  name: 'SQLite',
  async newIndex(label) {
    const configDir = await settingsFolder(label);
    return { configDir, db: undefined, url: path.join(configDir, 'index.sqlite') };
  },
});
