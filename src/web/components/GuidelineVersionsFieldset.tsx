import type { BillingSettingsView } from '../../app/views.js';
import type { FormState } from '../billing-form.js';
import { GridInputCell } from './GridInputCell.js';
import { TableHead } from './ui.js';

/**
 * The version the practice follows of each guideline its letters cite (billing settings
 * `guidelineVersions`): printed in the guideline's citation; blank, the letter cites the guideline
 * without a version and the draft warns (GUIDELINE-VERSION). The server refuses a version that does not
 * start with a digit (the seed's "Version XX.2026" is a placeholder), marked at its field.
 */
export function GuidelineVersionsFieldset({
  form,
  setForm,
  errors,
  guidelines,
}: {
  form: FormState;
  setForm: (form: FormState) => void;
  errors: Record<string, string>;
  guidelines: BillingSettingsView['guidelines'];
}) {
  const titles = new Map(guidelines.map((g) => [g.id, g.title]));
  return (
    <fieldset className="settings-group">
      <legend>Guideline versions</legend>
      <p>
        The version of each guideline the practice follows, as the guideline prints it (e.g. 5.2026). Letters
        cite it; left blank, the guideline is cited without a version and the letter warns.
      </p>
      <table className="table">
        <caption className="visually-hidden">Guideline versions the practice follows</caption>
        <TableHead columns={['Guideline', 'Version']} />
        <tbody>
          {Object.entries(form.guidelineVersions).map(([id, version]) => (
            <tr key={id}>
              <th scope="row">{titles.get(id) ?? id}</th>
              <GridInputCell
                path={`guidelineVersions.${id}`}
                label={`Version of ${titles.get(id) ?? id}`}
                size={10}
                value={version}
                error={errors[`guidelineVersions.${id}`]}
                onChange={(v) =>
                  setForm({ ...form, guidelineVersions: { ...form.guidelineVersions, [id]: v } })
                }
              />
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
