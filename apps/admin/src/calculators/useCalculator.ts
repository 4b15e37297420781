import { useState } from 'react';

/**
 * A calculator form's state: the input being edited, and the last result (with the input it was
 * computed from, so the breakdown does not change while the user edits) or the error.
 */
export function useCalculator<I extends object, R extends object>(
  initial: I,
  compute: (input: I) => Promise<R>,
) {
  const [input, setInput] = useState<I>(initial);
  const [result, setResult] = useState<(R & { input: I }) | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const set = (patch: Partial<I>) => setInput({ ...input, ...patch });

  async function calculate() {
    setError(null);
    try {
      setResult({ ...(await compute(input)), input });
    } catch (e) {
      setResult(null);
      setError(e as Error);
    }
  }

  return { input, set, result, error, calculate };
}
