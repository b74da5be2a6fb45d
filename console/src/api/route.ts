import { useEffect, useState } from 'react';

/** The console routes in the URL fragment (`#/g/<group>/a/<app>/<section>/…`). */
export function useRoute(): string[] {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
}

export function navigate(...parts: string[]): void {
  window.location.hash = '/' + parts.map((p) => encodeURIComponent(p)).join('/');
}

export function href(...parts: string[]): string {
  return '#/' + parts.map((p) => encodeURIComponent(p)).join('/');
}
