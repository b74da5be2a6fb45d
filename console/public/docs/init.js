// Renders openapi.yaml with Redoc from this server only (no fonts or scripts from elsewhere).
/* global Redoc, document */
Redoc.init(
  '/docs/openapi.yaml',
  {
    hideDownloadButton: false,
    expandResponses: '200,201',
    theme: {
      typography: {
        fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
        code: { fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace' },
      },
    },
  },
  document.getElementById('redoc'),
);
