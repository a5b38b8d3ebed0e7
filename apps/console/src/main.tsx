import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SessionProvider } from './session.context';
import { AppShell } from './app.shell';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider>
      <AppShell />
    </SessionProvider>
  </StrictMode>,
);
