import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

// The grid's colours follow the system's light or dark choice, as the page's do.
const dark = window.matchMedia('(prefers-color-scheme: dark)');
const followScheme = () => {
  document.body.dataset.agThemeMode = dark.matches ? 'dark' : 'light';
};
followScheme();
dark.addEventListener('change', followScheme);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
