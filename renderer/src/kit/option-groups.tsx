/**
 * The option groups of the job dialogs' forms (Export as OME-TIFF, as a CloudScope collection):
 * radios under a legend, or one checkbox under a legend, each row with its label and hint.
 */
import { useId } from 'react';
import { CheckRow, ChoiceGroup, RadioRows, type Choice } from './choice-rows';

/** A checkbox's label and its hint beneath. */
export interface CheckText {
  label: string;
  hint: string;
}

/** The radios of `choices` under `legend`, the one of `value` checked. */
export function RadioGroup<T extends string>(props: {
  legend: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
}) {
  const name = useId();
  return (
    <ChoiceGroup legend={props.legend}>
      <RadioRows name={name} choices={props.choices} value={props.value} onChange={props.onChange} />
    </ChoiceGroup>
  );
}

/** One checkbox, worded by `text`, under `legend`. */
export function CheckGroup(props: {
  legend: string;
  text: CheckText;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <ChoiceGroup legend={props.legend}>
      <CheckRow label={props.text.label} hint={props.text.hint} checked={props.checked} onChange={props.onChange} />
    </ChoiceGroup>
  );
}
