/** What one value of the results summary is: an ROI, an image's mean, or an animal's mean by a field. */
import { SAMPLE_UNITS, type SampleUnit } from '../../../shared/analysis';
import { EXPERIMENT_FIELDS } from '../../../shared/fields/field-table';

const UNIT_LABELS: Readonly<Record<SampleUnit, string>> = {
  roi: 'an ROI',
  image: 'an image’s mean',
  animal: 'an animal’s mean by',
};

/** The fields that can name an animal: the experiment's one-line fields. */
const ANIMAL_FIELDS = EXPERIMENT_FIELDS.filter((f) => !f.multiline);

/** The display name of the field naming the animal. */
export function animalFieldName(name: string): string {
  return ANIMAL_FIELDS.find((f) => f.name === name)?.displayName ?? name;
}

/** Radio buttons for the unit; picking a field for the animal picks the animal's mean. */
export function SampleUnitChoice({
  unit,
  animalField,
  onChange,
}: {
  unit: SampleUnit;
  animalField: string;
  onChange(unit: SampleUnit, animalField: string): void;
}) {
  return (
    <fieldset className="results-unit">
      <legend className="modal-label">Each value is</legend>
      {SAMPLE_UNITS.map((option) => (
        <label key={option} className="check-row">
          <input
            type="radio"
            name="results-unit"
            checked={unit === option}
            onChange={() => onChange(option, animalField)}
          />
          {UNIT_LABELS[option]}
        </label>
      ))}
      <select
        className="input results-animal"
        aria-label="Field that names the animal"
        value={animalField}
        onChange={(e) => onChange('animal', e.target.value)}
      >
        <option value="" disabled>
          Choose a field…
        </option>
        {ANIMAL_FIELDS.map((f) => (
          <option key={f.name} value={f.name}>
            {f.displayName}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
