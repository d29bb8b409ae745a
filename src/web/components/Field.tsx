import type { InputHTMLAttributes, ReactNode } from 'react';

/** A form control with its label above it: `children` is the control, whose id is `id`. */
export function Field({ id, label, children }: { id: string; label: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** An input with its label above it; the other props go to the input. */
export function InputField({
  id,
  label,
  ...input
}: { id: string; label: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field id={id} label={label}>
      <input id={id} {...input} />
    </Field>
  );
}
