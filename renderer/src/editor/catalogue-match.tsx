/**
 * The image matched to the lab's microscope catalogue (`acqmeta.instruments/`), inside the
 * Acquisition section: per part what it matched and by what evidence, or that it is not in the
 * catalogue, with the components that fit equally or look alike; then what to check in the
 * image (a pixel size that does not fit the camera). A part not in the catalogue offers to add
 * it: the catalogue editor opens with the image's header drafted.
 */
import { matchLines, type InstrumentMatch, type MatchLine } from '../../../shared/instruments';
import { useAppStore } from '../store';

/** One part's line: the name matched and why, or a badge saying why there is none, and the candidates. */
function PartLine({ line, path }: { line: MatchLine; path: string }) {
  const store = useAppStore();
  const badged = line.status !== 'matched' && line.status !== 'not recorded';
  return (
    <div className="kv kv-wide">
      <dt>{line.label.replace(', channel ', ' ch ')}</dt>
      <dd className="kv-wrap">
        {line.name !== null && <span className="catalogue-name">{line.name} —</span>}
        {badged && <span className="badge badge-none">{line.status}</span>} <span className="muted">{line.reason}</span>{' '}
        {line.status === 'not in the catalogue' && (
          <button
            type="button"
            className="btn btn-small btn-ghost catalogue-add"
            aria-label={`Add to catalogue: ${line.label}`}
            onClick={() => void store.getState().openInstrumentCatalogue({ image: path, propose: true })}
          >
            Add to catalogue…
          </button>
        )}
        {line.candidates.length > 0 && (
          <div className="small">
            {line.status === 'ambiguous' ? 'Candidates' : 'Look-alikes'}: {line.candidates.join(' · ')}
          </div>
        )}
      </dd>
    </div>
  );
}

/** The catalogue part of the Acquisition section of the image at `path`; nothing without a catalogue in force. */
export function CatalogueMatch({ path, match }: { path: string; match: InstrumentMatch | null }) {
  const store = useAppStore();
  if (match === null) return null;
  return (
    <div className="catalogue-match" aria-label="In the lab’s catalogue" role="group">
      <p className="catalogue-title">
        In the lab’s catalogue{' '}
        <span className="muted">
          ({match.catalogue.length} {match.catalogue.length === 1 ? 'microscope' : 'microscopes'} described)
        </span>{' '}
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={() => void store.getState().openInstrumentCatalogue({ image: path })}
        >
          Edit the catalogue…
        </button>
      </p>
      <dl className="kv-grid">
        {matchLines(match).map((line) => (
          <PartLine key={line.label} line={line} path={path} />
        ))}
      </dl>
      {match.warnings.length > 0 && (
        <div className="callout callout-warning callout-stack">
          <p className="callout-title">Check the image against the microscope</p>
          <ul className="plain-list small">
            {match.warnings.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
