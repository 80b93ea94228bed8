import { useState } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatBytes } from '../../format/bytes.ts';
import { CallbackEntryView, TruncatedFlag } from './CallbackEntryView.tsx';
import { isLoopbackHost } from './format.ts';
import { useInbox } from './use-inbox.ts';

/** The callback inbox: where it listens, start/stop, and each request it received as it arrives. */
export function InboxPanel() {
  const inbox = useInbox();
  const [host, setHost] = useState('127.0.0.1');
  const [port, setPort] = useState('');
  const { status } = inbox;
  const running = status?.running === true;
  const portNumber = port.trim() === '' ? 0 : Number(port);
  const portValid = Number.isInteger(portNumber) && portNumber >= 0 && portNumber <= 65_535;
  const wantsExposure = host.trim() !== '' && !isLoopbackHost(host);
  const maxBodyBytes = status?.running ? status.maxBodyBytes : null;

  return (
    <section className="fl-inbox" aria-label="Callback inbox">
      <header className="fl-inbox-head">
        <h3>Callback inbox</h3>
        <span className={`badge ${running ? 'state-unlocked' : 'state-locked'}`} data-testid="inbox-state">
          {running ? 'Listening' : 'Stopped'}
        </span>
      </header>
      {status?.running ? (
        <dl className="facts" data-testid="inbox-status">
          <dt>URL</dt>
          <dd>
            <code data-testid="inbox-url">{status.url}</code>
          </dd>
          <dt>Host</dt>
          <dd>
            {status.host}:{status.port}
          </dd>
          <dt>Limits</dt>
          <dd>
            bodies up to {formatBytes(status.maxBodyBytes)} (the rest is dropped), the last {status.maxEntries} requests
          </dd>
        </dl>
      ) : (
        <p className="hint">Not listening. A flow that waits for a callback starts it on 127.0.0.1.</p>
      )}
      {status?.running && status.exposure && (
        <p className="warn fl-exposure" role="alert" data-testid="inbox-exposure">
          {status.exposure}
        </p>
      )}
      <form
        className="fl-inbox-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (portValid && host.trim() !== '') inbox.start(host.trim(), portNumber);
        }}
      >
        <label>
          Host
          <input value={host} onChange={(event) => setHost(event.target.value)} spellCheck={false} />
        </label>
        <label>
          Port
          <input value={port} inputMode="numeric" placeholder="any free port" onChange={(event) => setPort(event.target.value)} size={10} />
        </label>
        <button type="submit" className="primary" disabled={inbox.busy || !portValid || host.trim() === ''}>
          {running ? 'Restart' : 'Start'}
        </button>
        <button type="button" disabled={inbox.busy || !running} onClick={inbox.stop}>
          Stop
        </button>
        <button type="button" disabled={inbox.busy || inbox.entries.length === 0} onClick={inbox.clear}>
          Clear
        </button>
      </form>
      {wantsExposure && !(status?.running && status.exposure && status.host === host.trim()) && (
        <p className="warn fl-exposure" data-testid="inbox-exposure-preview">
          Listening on {host.trim()} lets anyone who can reach this machine on that address post to the inbox. It records what arrives and never runs it.
        </p>
      )}
      {!portValid && <p className="warn">A port is a whole number from 0 to 65535 (empty: any free port).</p>}
      <ErrorNote error={inbox.error} />
      {inbox.entries.length === 0 ? (
        <p className="empty">Nothing received yet.</p>
      ) : (
        <ol className="fl-inbox-list" aria-label="Received callbacks">
          {inbox.entries.map((entry) => (
            <li key={`${entry.receivedAt}-${String(entry.id)}`} data-testid="inbox-entry">
              <details>
                <summary>
                  <span className="fl-time">{new Date(entry.receivedAt).toLocaleTimeString()}</span> <code className="fl-method">{entry.method}</code>{' '}
                  <code className="fl-path">{entry.path}</code> <TruncatedFlag entry={entry} maxBodyBytes={maxBodyBytes} />
                </summary>
                <CallbackEntryView entry={entry} maxBodyBytes={maxBodyBytes} />
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
