import { describe, expect, it } from 'vitest';
import { defaultConfigDir } from '../../../../../electron/services/folder/config-dir';

describe('defaultConfigDir', () => {
  it('is the desktop app’s settings folder on each system', () => {
    expect(defaultConfigDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/AcqMeta');
    expect(defaultConfigDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana')).toBe('/cfg/AcqMeta');
    expect(defaultConfigDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/AcqMeta');
    expect(defaultConfigDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\AcqMeta',
    );
  });
});
