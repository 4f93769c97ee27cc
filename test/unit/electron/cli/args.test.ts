import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../../electron/cli/args';

const syntax = { positionals: { min: 1, max: 2 }, flags: ['--json', '--dry-run'], options: ['--set', '-o'] };

describe('parseArgs', () => {
  it('reads positionals, flags and repeated options in both spellings', () => {
    const args = parseArgs(['a', '--json', '--set', 'depth=1', '--set=note=x=y', '-o', 'out.csv', 'b'], syntax);
    expect(args.positionals).toEqual(['a', 'b']);
    expect([...args.flags]).toEqual(['--json']);
    expect(args.options.get('--set')).toEqual(['depth=1', 'note=x=y']);
    expect(args.options.get('-o')).toEqual(['out.csv']);
  });

  it('takes words after -- as positionals', () => {
    expect(parseArgs(['--', '--json'], syntax).positionals).toEqual(['--json']);
  });

  it.each([
    [['a', '--nope'], 'unknown option --nope'],
    [['a', '--set'], '--set needs a value'],
    [['a', '--json=1'], '--json takes no value'],
    [[], 'missing argument'],
    [['a', 'b', 'c'], 'unexpected argument "c"'],
  ])('refuses %j with "%s"', (argv, message) => {
    expect(() => parseArgs(argv, syntax)).toThrow(new UsageError(message));
  });
});
