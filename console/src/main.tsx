import '@mantine/core/styles.css';
import './console.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setNonce } from 'get-nonce';
import { Root } from './Root';
import { FeedbackProvider } from './components/feedback';
import { styleNonce } from './csp';

// Mantine's modals and drawers lock scrolling with a style element (react-remove-scroll), which
// takes its nonce from get-nonce.
setNonce(styleNonce());

const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  defaultRadius: 'sm',
  // Modals, drawers and menus appear at once for people who ask their system for less motion.
  respectReducedMotion: true,
});

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} getStyleNonce={styleNonce} defaultColorScheme="light">
      <FeedbackProvider>
        <Root />
      </FeedbackProvider>
    </MantineProvider>
  </StrictMode>,
);
