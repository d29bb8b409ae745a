import { inputId } from '../billing-form.js';

/**
 * One table cell of a billing-settings grid (payers, physicians): a hidden label, the input, and the
 * server's message for its field path when it refused the value (`aria-describedby`).
 */
export function GridInputCell({
  path,
  label,
  size,
  value,
  error,
  onChange,
}: {
  path: string;
  label: string;
  size: number;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const id = inputId(path);
  return (
    <td>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        size={size}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {' '}
          {error}
        </span>
      ) : null}
    </td>
  );
}
