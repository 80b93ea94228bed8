import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/client.ts';
import { errorMessage } from './api/errors.ts';
import { App } from './App.tsx';
import { StateProvider } from './state/provider.tsx';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
try {
  const api = connect();
  root.render(
    <StrictMode>
      <StateProvider api={api}>
        <App />
      </StateProvider>
    </StrictMode>,
  );
} catch (error) {
  root.render(
    <main className="fatal" role="alert">
      <h1>Countersign cannot start here</h1>
      <p>{errorMessage(error)}</p>
    </main>,
  );
}
