import { useEffect, useRef } from 'react';
import { useFormContext } from 'react-hook-form';
import { useNotify } from 'react-admin';

const PREFIX = 'gazette.draft.';

export function draftKey(name: string) {
  return PREFIX + name;
}
export function clearDraft(name: string) {
  localStorage.removeItem(PREFIX + name);
}

/**
 * Keeps what is being typed in localStorage, so a session that expires mid-form
 * (the person is sent to the login page) loses nothing: the form comes back filled.
 */
export function FormDraft({ name }: { name: string }) {
  const { watch, reset, getValues, formState } = useFormContext();
  const notify = useNotify();
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current) return;
    const raw = localStorage.getItem(PREFIX + name);
    if (!raw) return;
    // After the form's own initial reset (parent effects run after this child's).
    const timer = setTimeout(() => {
      restored.current = true;
      try {
        const saved = JSON.parse(raw) as Record<string, unknown>;
        reset({ ...getValues(), ...saved }, { keepDefaultValues: true });
        notify('app.draftRestored', { type: 'info' });
      } catch {
        localStorage.removeItem(PREFIX + name);
      }
    }, 50);
    return () => clearTimeout(timer);
  }, [name, reset, getValues, notify]);
  useEffect(() => {
    const sub = watch((values) => {
      localStorage.setItem(PREFIX + name, JSON.stringify(values));
    });
    return () => sub.unsubscribe();
  }, [watch, name]);
  useEffect(() => {
    if (formState.isSubmitSuccessful) localStorage.removeItem(PREFIX + name);
  }, [formState.isSubmitSuccessful, name]);
  return null;
}
