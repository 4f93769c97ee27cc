/** The filter box of the toolbar and the popover explaining its syntax. */
import { useEffect, useRef } from 'react';
import { useApp } from '../store';
import { PopoverButton } from '../kit';

/** The syntax, one line per form: what is typed, and what it shows. */
const SYNTAX: readonly [string, string][] = [
  ['mouse V1', 'Images whose path or any column contains every word'],
  ['"wild type"', 'Quotes keep words together'],
  ['genotype:WT', 'The field contains the value'],
  ['genotype:=WT', 'The field is exactly the value'],
  ['region:""', 'The field is empty'],
  ['depth:>100  depth:<=5', 'Numbers compare with >, >=, <, <= and ='],
  ['acquired:>2013  date:<=2026-03', 'Dates compare too: a year or a month means all of it'],
  ['dtype:uint16  channels:3', 'File columns too: path, dims, dtype, channels'],
  ['objective:63x  na:>1.2', 'What the microscope recorded: objective, NA, channel (names and dyes), acquired'],
  ['objective:"obj 3"  instrument:none', 'Also the names matched in the lab’s catalogue; none: matched nothing'],
  ['sidecar:none', 'Sidecar state: none, saved, invalid or unsaved'],
  ['-sidecar:none', 'A leading minus leaves those images out'],
];

function FilterHelp() {
  return (
    <PopoverButton
      className="filter-help"
      buttonClassName="btn btn-icon"
      buttonLabel="Filter syntax"
      title="How to filter"
      face="?"
      label="Filter syntax"
      popoverClassName="filter-help-popover"
    >
      <p className="filter-help-title">Filter syntax</p>
      <table className="filter-syntax">
        <tbody>
          {SYNTAX.map(([typed, meaning]) => (
            <tr key={typed}>
              <td className="mono">{typed}</td>
              <td>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="filter-help-note">
        Every term must match. Name a field as in the table or the editor, in any case:{' '}
        <span className="mono">cell_type</span>, <span className="mono">&quot;Cell type&quot;</span>. The quick filters
        next to the box (No sidecar, Invalid, Unsaved, Warnings) work one at a time, and together with the text: an
        image must match both.
      </p>
    </PopoverButton>
  );
}

/** The filter input (Ctrl/Cmd+F focuses it) and its help. */
export function FilterBox() {
  const text = useApp((s) => s.filterText);
  const findRequest = useApp((s) => s.findRequest);
  const setFilterText = useApp((s) => s.setFilterText);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (findRequest === 0) return;
    input.current?.focus();
    input.current?.select();
  }, [findRequest]);
  return (
    <div className="filter-box">
      <input
        ref={input}
        type="search"
        className="input filter-input"
        aria-label="Filter images"
        placeholder="Filter or field:value"
        title="Shows images matching every term: words anywhere, or field:value such as genotype:WT, depth:>100 (Ctrl+F)"
        value={text}
        spellCheck={false}
        onChange={(e) => setFilterText(e.target.value)}
      />
      <FilterHelp />
    </div>
  );
}
