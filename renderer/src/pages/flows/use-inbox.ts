import { useCallback, useEffect, useState } from 'react';
import type { CallbackEntry, InboxStatus } from '../../../../main/contract/flows.ts';
import { useApi } from '../../api/context.tsx';
import { errorMessage } from '../../api/errors.ts';

export type InboxView = {
  status: InboxStatus | null;
  /** Newest first. */
  entries: CallbackEntry[];
  busy: boolean;
  error: string | null;
  start: (host: string, port: number) => void;
  stop: () => void;
  clear: () => void;
};

// Main keeps at most this many too; the list here never grows past what main would show.
const FALLBACK_MAX_ENTRIES = 200;

/** The callback inbox, live: its status and what it received, newest first. */
export function useInbox(): InboxView {
  const api = useApi();
  const [status, setStatus] = useState<InboxStatus | null>(null);
  const [entries, setEntries] = useState<CallbackEntry[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const loadEntries = useCallback(() => {
    api.invoke['inbox:entries']({}).then(setEntries, (reason: unknown) => setError(errorMessage(reason)));
  }, [api]);

  useEffect(() => {
    api.invoke['inbox:status']({}).then(setStatus, (reason: unknown) => setError(errorMessage(reason)));
    loadEntries();
    const offReceived = api.on('inbox:received', (entry) => {
      setEntries((current) => {
        if (current.some((seen) => seen.id === entry.id && seen.receivedAt === entry.receivedAt)) return current;
        return [entry, ...current].slice(0, FALLBACK_MAX_ENTRIES);
      });
    });
    // A restart is a new listener with its own (empty) list.
    const offChanged = api.on('inbox:changed', (next) => {
      setStatus(next);
      loadEntries();
    });
    return () => {
      offReceived();
      offChanged();
    };
  }, [api, loadEntries]);

  const act = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (reason) {
      setError(errorMessage(reason));
    } finally {
      setBusy(false);
    }
  }, []);

  return {
    status,
    entries: status?.running ? entries.slice(0, status.maxEntries) : entries,
    busy,
    error,
    start: (host, port) => void act(async () => setStatus(await api.invoke['inbox:start']({ host, port }))),
    stop: () => void act(async () => setStatus(await api.invoke['inbox:stop']({}))),
    clear: () => void act(async () => setEntries(await api.invoke['inbox:clear']({}))),
  };
}
