import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { installFileBridge } from './commands/files.ts';
import { browserFiles } from './components/common/browserFiles.ts';
import { bootstrapStore } from './store/bootstrap.ts';
import { appStore } from './store/index.ts';
import './index.css';

installFileBridge(browserFiles);
bootstrapStore(appStore);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
