/**
 * The page's CSP nonce: the server writes a new one into each index.html. Style elements that
 * Mantine, its scroll lock and CodeMirror create carry it; nothing else may add styles.
 */
export function styleNonce(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  return meta?.nonce || meta?.getAttribute('nonce') || '';
}
