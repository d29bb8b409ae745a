import { type FormEvent, useState } from 'react';
import { errorMessage } from './api/client.js';

/**
 * A form of text fields: `field(key)` binds an input or select to one, `submit(e, send)` runs `send`
 * (busy meanwhile) and empties the form when it succeeds, else keeps what was typed and shows the error.
 */
export function useForm<F extends Record<string, string>>(empty: F) {
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent, send: () => Promise<void>) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await send();
      setForm(empty);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof F) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  return { form, setForm, field, error, busy, submit };
}
