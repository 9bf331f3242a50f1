import { useCallback, useEffect, useState } from "react";

/** Runs a change, hands its refusal to `onError`, then refreshes whether it worked or not. */
export async function attempt(work: () => Promise<unknown>, onError: (message: string) => void, refresh: () => void) {
  try {
    await work();
  } catch (e) {
    onError((e as Error).message);
  }
  refresh();
}

/**
 * A list read from the API, with the last refusal to show, the item being edited (E) or
 * deleted (D) in a dialog, and the ways to close those dialogs that reload the list.
 * `load` must keep its identity (useCallback).
 */
export function useReloadingList<T, E = unknown, D = T>(load: () => Promise<T[]>) {
  const [items, setItems] = useState<T[]>([]);
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<E>();
  const [deleting, setDeleting] = useState<D>();

  const reload = useCallback(() => {
    load().then(setItems, (e: Error) => setError(e.message));
  }, [load]);
  useEffect(reload, [reload]);

  const closeDialogs = useCallback(() => {
    setEditing(undefined);
    setDeleting(undefined);
  }, []);
  /** For a dialog's onSaved: close it and show the list as saved. */
  const saved = useCallback(() => {
    closeDialogs();
    reload();
  }, [closeDialogs, reload]);
  /** For the delete confirmation: close it, delete, show a refusal, reload. */
  const confirmDelete = useCallback(
    (work: () => Promise<unknown>) => {
      closeDialogs();
      void attempt(work, setError, reload);
    },
    [closeDialogs, reload],
  );

  return { items, error, setError, editing, setEditing, deleting, setDeleting, closeDialogs, saved, confirmDelete };
}
