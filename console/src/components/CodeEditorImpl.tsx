import { javascript } from '@codemirror/lang-javascript';
import { EditorView } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo } from 'react';
import { styleNonce } from '../csp';

export interface CodeEditorProps {
  value: string;
  onChange: (value: string) => void;
  label: string;
  height?: string;
}

/** CodeMirror 6 with JavaScript highlighting; Tab indents, Escape then Tab leaves the editor. */
export default function CodeEditorImpl({
  value,
  onChange,
  label,
  height = '260px',
}: CodeEditorProps) {
  const extensions = useMemo(
    () => [
      javascript(),
      EditorView.contentAttributes.of({ 'aria-label': label }),
      EditorView.lineWrapping,
      // Its style element must carry the page's CSP nonce.
      EditorView.cspNonce.of(styleNonce()),
    ],
    [label],
  );
  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      height={height}
      extensions={extensions}
      basicSetup={{ foldGutter: false, highlightActiveLine: false }}
      indentWithTab
    />
  );
}
