/**
 * What the microscope recorded about an image (objective, channels, pixel size, interval),
 * read from the file itself: a one-line summary, each value with where it was read, and what
 * the file's metadata flavours disagree on.
 */
import { Fragment, useMemo, type ReactNode } from 'react';
import { acquisitionLines, disagreementTexts, FLAVOUR_LABELS } from '../../../shared/acquisition/acquisition-details';
import { tallyAcquisitions } from '../../../shared/acquisition/acquisition-tally';
import { acquiredWithoutZone, acquisitionSummary } from '../../../shared/acquisition/acquisition-text';
import type { Acquisition } from '../../../shared/acquisition/acquisition-types';
import type { InstrumentMatch } from '../../../shared/instruments';
import { useApp } from '../store';
import { CatalogueMatch } from './catalogue-match';
import { SectionToggle } from './section-toggle';
import { useAcquisitionOpen } from './use-preview-open';

/**
 * The Acquisition section of the single-image editor (of the image at `path`), with the image
 * matched to the lab's catalogue (`match`, null when none is in force); nothing when the file
 * records nothing.
 */
export function AcquisitionSection({
  path,
  acquisition,
  match,
}: {
  path: string;
  acquisition: Acquisition | undefined;
  match: InstrumentMatch | null;
}) {
  const lines = acquisition === undefined ? [] : acquisitionLines(acquisition);
  if (acquisition === undefined || lines.length === 0) return null;
  const summary = acquisitionSummary(acquisition);
  const disagreements = disagreementTexts(acquisition);
  const read = acquisition.sources.map((flavour) => FLAVOUR_LABELS[flavour]).join(', ');
  // one flavour is named once, in the heading, rather than on every line
  const onlyFlavour = acquisition.sources.length === 1 ? `${read} ` : '';
  return (
    <AcquisitionFrame summary={summary || null}>
      <div id="acquisition-body">
        {summary !== '' && <p className="acquisition-summary">{summary}</p>}
        <dl className="kv-grid">
          {lines.map((line) => (
            <div key={line.label} className="kv kv-wide">
              <dt>{line.label}</dt>
              <dd
                className="kv-wrap"
                title={line.sources.length > 0 ? `Read from ${line.sources.join('; ')}` : undefined}
              >
                {line.value}
                {line.label === 'Acquired' && acquiredWithoutZone(acquisition.acquired_at) && (
                  <span className="muted"> (no time zone recorded)</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
        <CatalogueMatch path={path} match={match} />
        {disagreements.length > 0 && (
          <div className="callout callout-warning callout-stack">
            <p className="callout-title">The file’s metadata disagree</p>
            <ul className="plain-list small">
              {disagreements.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </div>
        )}
        {/* a listing's acquisition has no origins: the sources come with the image's detail read */}
        {acquisition.origins !== undefined && (
          <details className="disclosure">
            <summary>
              Where each value was read <span className="muted">({read})</span>
            </summary>
            <table className="tags-table acquisition-sources">
              <tbody>
                {lines.map((line) => (
                  <tr key={line.label}>
                    <th scope="row">{line.label}</th>
                    <td className="mono">
                      {line.sources.length === 0
                        ? '—'
                        : line.sources.map((source) => <SourceKey key={source} text={source} prefix={onlyFlavour} />)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
      </div>
    </AcquisitionFrame>
  );
}

/**
 * Where a value was read, without `prefix` (the flavour the heading names); a line may break
 * after each `/` of a key path rather than inside a name.
 */
function SourceKey({ text, prefix }: { text: string; prefix: string }) {
  const key = prefix !== '' && text.startsWith(prefix) ? text.slice(prefix.length) : text;
  return (
    <div>
      {key.split('/').map((part, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <>
              /<wbr />
            </>
          )}
          {part}
        </Fragment>
      ))}
    </div>
  );
}

/** For a selection: each aspect of the acquisition with its distinct values and how many images have each. */
export function AcquisitionTallySection({ paths }: { paths: readonly string[] }) {
  const rows = useApp((s) => s.rows);
  const aspects = useMemo(() => tallyAcquisitions(paths.map((path) => rows[path]?.acquisition)), [paths, rows]);
  if (aspects.length === 0) return null;
  return (
    <AcquisitionFrame summary={aspects.map((a) => `${a.values.length} ${a.label.toLowerCase()}`).join(' · ')}>
      <dl id="acquisition-body" className="kv-grid">
        {aspects.map((aspect) => (
          <div key={aspect.label} className="kv kv-wide">
            <dt>{aspect.label}</dt>
            <dd className="kv-wrap">
              {aspect.values.map(({ value, count }, i) => (
                <Fragment key={value}>
                  {i > 0 && ' · '}
                  <span className="fact">
                    {value} <span className="muted">({count})</span>
                  </span>
                </Fragment>
              ))}
              {aspect.unknown > 0 && <span className="muted"> · not recorded ({aspect.unknown})</span>}
            </dd>
          </div>
        ))}
      </dl>
    </AcquisitionFrame>
  );
}

/** The Acquisition section's heading and fold (open or closed as the user left it); `children` is its body. */
function AcquisitionFrame({ summary, children }: { summary: string | null; children: ReactNode }) {
  const [open, setOpen] = useAcquisitionOpen();
  return (
    <section className="panel-section" aria-labelledby="section-acquisition">
      <SectionToggle
        id="section-acquisition"
        open={open}
        onToggle={() => setOpen(!open)}
        controls="acquisition-body"
        title="Acquisition"
        summary={summary}
      />
      {open && children}
    </section>
  );
}
