import { Input } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { CodeEditorProps } from './CodeEditorImpl';
import { Loading } from './feedback';

// The editor is the console's largest part: loaded only by the screens that show one.
const Impl = lazy(() => import('./CodeEditorImpl'));

export function CodeEditor(props: CodeEditorProps & { description?: string }) {
  return (
    <Input.Wrapper label={props.label} description={props.description}>
      <Suspense fallback={<Loading label="Loading editor…" />}>
        <Impl {...props} />
      </Suspense>
    </Input.Wrapper>
  );
}
