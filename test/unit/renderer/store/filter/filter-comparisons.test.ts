import { describe, expect, it } from 'vitest';
import type { Acquisition } from '../../../../../shared/acquisition/acquisition-types';
import { columnByKey, columnText } from '../../../../../shared/columns';
import { parseFilter, selectVisiblePaths } from '../../../../../renderer/src/store/filter';
import { makeRow, storeWithRows } from '../fake-client';

/** An acquisition with only the given values, as a reader makes it. */
const recorded = (values: Omit<Acquisition, 'sources'>): Acquisition => ({ sources: ['czi'], ...values });

/** What the table shows for `text` typed in the filter box, over `rows`. */
function filterOf(rows: Parameters<typeof storeWithRows>[0]) {
  const { store } = storeWithRows(rows);
  return (text: string) => {
    store.getState().setFilterText(text);
    return selectVisiblePaths(store.getState());
  };
}

describe('numbers compare at the precision they were recorded with', () => {
  const shown = filterOf([
    makeRow('a.czi', { depth: 0.1 + 0.2 }, { acquisition: recorded({ objective: { na: 1.4000000000000001 } }) }),
    makeRow('b.czi', { physical_unit_x: 0.10000000000000002 }, { acquisition: recorded({ objective: { na: 1.45 } }) }),
    makeRow('c.czi', {}, { acquisition: recorded({ objective: { na: 1.2000000000000002 } }) }),
  ]);

  it('finds a value equal to what is typed but for the last binary digit, and no other', () => {
    expect(shown('na:1.4')).toEqual(['a.czi']);
    expect(shown('na:=1.4')).toEqual(['a.czi']);
    expect(shown('na:1.2')).toEqual(['c.czi']);
    expect(shown('na:1.45')).toEqual(['b.czi']);
    expect(shown('depth:0.3')).toEqual(['a.czi']);
    expect(shown('"pixel size x":0.1')).toEqual(['b.czi']);
  });

  it('orders such a value as the number it stands for', () => {
    expect(shown('na:>1.3')).toEqual(['a.czi', 'b.czi']);
    expect(shown('na:>1.4')).toEqual(['b.czi']);
    expect(shown('na:>=1.4')).toEqual(['a.czi', 'b.czi']);
    expect(shown('na:<=1.4')).toEqual(['a.czi', 'c.czi']);
    expect(shown('na:<1.4')).toEqual(['c.czi']);
    expect(shown('na:<=1.2')).toEqual(['c.czi']);
    expect(shown('depth:>0.3')).toEqual([]);
  });
});

describe('channel: finds channel names and dyes', () => {
  const rows = [
    makeRow('488.czi', {}, { acquisition: recorded({ channels: [{ name: 'AF488', fluor: 'Alexa Fluor 488' }] }) }),
    makeRow(
      'two.czi',
      { note: 'two words here' },
      {
        acquisition: recorded({
          channels: [
            { name: 'Ch1', fluor: 'Alexa Fluor 555', excitation_nm: 553, emission_nm: 568 },
            { name: 'Ch2', fluor: 'Alexa Fluor 568' },
          ],
        }),
      },
    ),
    makeRow('dapi.czi', {}, { acquisition: recorded({ channels: [{ name: 'DAPI', fluor: 'DAPI' }] }) }),
  ];
  const shown = filterOf(rows);

  it('matches a channel’s dye, in any case, quoted with spaces', () => {
    expect(shown('channel:Alexa')).toEqual(['488.czi', 'two.czi']);
    expect(shown('channel:"alexa fluor 568"')).toEqual(['two.czi']);
    expect(shown('Channel:"Alexa Fluor 488"')).toEqual(['488.czi']);
    expect(shown('-channel:"Alexa Fluor"')).toEqual(['dapi.czi']);
    expect(shown('channel:ch2 channel:568')).toEqual(['two.czi']);
    expect(shown('note:"two words"')).toEqual(['two.czi']);
    expect(shown('note:"words two"')).toEqual([]);
  });

  it('shows the dye beside the channel name, and matches exactly what the cell shows', () => {
    expect(columnText(rows[1]!, columnByKey('channel')!)).toBe('Ch1 (Alexa Fluor 555) 553/568, Ch2 (Alexa Fluor 568)');
    expect(shown('channel:="Ch1 (Alexa Fluor 555) 553/568, Ch2 (Alexa Fluor 568)"')).toEqual(['two.czi']);
    expect(shown('channel:="AF488 (Alexa Fluor 488)"')).toEqual(['488.czi']);
    expect(shown('channel:=AF488')).toEqual([]);
    expect(shown('channel:""')).toEqual([]);
  });
});

describe('dates compare as the periods they name', () => {
  const shown = filterOf([
    makeRow('2012.oib', { date: '2026-03-05' }, { acquisition: recorded({ acquired_at: '2012-07-26T15:13:35.976' }) }),
    makeRow('2013.czi', { date: '2026/03/06' }, { acquisition: recorded({ acquired_at: '2013-05-31T23:59:00Z' }) }),
    makeRow('2014.nd2', { date: '20260401' }, { acquisition: recorded({ acquired_at: '2014-06-18T13:55:23.392Z' }) }),
    makeRow('none.tif', { date: 'spring' }),
  ]);

  it('compares the acquisition date with a year, a month or a day', () => {
    expect(shown('acquired:>2013')).toEqual(['2014.nd2']);
    expect(shown('acquired:>=2013')).toEqual(['2013.czi', '2014.nd2']);
    expect(shown('acquired:<2013')).toEqual(['2012.oib']);
    expect(shown('acquired:<=2013-05')).toEqual(['2012.oib', '2013.czi']);
    expect(shown('acquired:<2013-05-31')).toEqual(['2012.oib']);
    expect(shown('acquired:=2013')).toEqual(['2013.czi']);
    expect(shown('acquired:=2014-06-18')).toEqual(['2014.nd2']);
    expect(shown('acquired:>2012-07 acquired:<2014')).toEqual(['2013.czi']);
    expect(shown('acquired:2014-06')).toEqual(['2014.nd2']);
  });

  it('compares the sidecar date field, written with dashes, slashes or neither', () => {
    expect(shown('date:>2026-03-05')).toEqual(['2013.czi', '2014.nd2']);
    expect(shown('date:<=2026-03')).toEqual(['2012.oib', '2013.czi']);
    expect(shown('date:>=2026-04-01')).toEqual(['2014.nd2']);
    expect(shown('date:=spring')).toEqual(['none.tif']);
  });

  it('says why it cannot compare a value that is not a date, and searches it as text', () => {
    expect(parseFilter('acquired:>lastweek date:<=2026-13 na:>high').problems).toEqual([
      'Acquired compares dates: “lastweek” is not one (type 2013, 2013-05 or 2013-05-06); searched as text',
      'Date compares dates: “2026-13” is not one (type 2013, 2013-05 or 2013-05-06); searched as text',
      'Numerical aperture compares numbers: “high” is not one; searched as text',
    ]);
    expect(parseFilter('acquired:>2013 date:2026 date:=spring na:>1').problems).toEqual([]);
  });
});
