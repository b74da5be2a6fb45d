import { Anchor, Button, Group, Paper, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useAppContext } from '../../api/app-context';
import { useLoad } from '../../api/hooks';
import { href } from '../../api/route';
import type { AppFunction } from '../../api/types';
import { CodeEditor } from '../../components/CodeEditor';
import { ErrorAlert, Loading, useFeedback } from '../../components/feedback';
import { useSaveDraft } from '../../components/useSave';
import { RunPanel } from './RunPanel';

const NEW_SOURCE = `exports = async function (arg) {
  console.log("called with", JSON.stringify(arg));
  return { ok: true, arg };
};
`;

interface Form {
  name: string;
  private: boolean;
  run_as_system: boolean;
  disable_arg_logs: boolean;
  source: string;
}

/** A function: name, flags and source in the editor; Save Draft; delete; run it. */
export function FunctionEditor({ functionId }: { functionId?: string }) {
  const { api, base, go, groupId, appId } = useAppContext();
  const { run, confirm } = useFeedback();
  const save = useSaveDraft();
  const fn = useLoad(
    () =>
      functionId ? api.get<AppFunction>(`${base}/functions/${functionId}`) : Promise.resolve(null),
    [api, base, functionId],
  );
  const [form, setForm] = useState<Form | null>(null);
  useEffect(() => {
    if (fn.data === undefined) return;
    const f = fn.data;
    setForm({
      name: f?.name ?? '',
      private: f?.private ?? false,
      run_as_system: f?.run_as_system ?? false,
      disable_arg_logs: f?.disable_arg_logs ?? false,
      source: f?.source ?? NEW_SOURCE,
    });
  }, [fn.data]);

  if (fn.loading && !form) return <Loading />;
  if (fn.error) return <ErrorAlert error={fn.error} />;
  if (!form) return null;
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { ...form, name: form.name.trim() };
    const saved = await save(() =>
      functionId
        ? api.put(`${base}/functions/${functionId}`, body).then(() => ({ _id: functionId }))
        : api.post<{ _id: string }>(`${base}/functions`, body),
    );
    if (saved && !functionId) go('functions', saved._id);
  };
  const remove = async () => {
    if (
      !functionId ||
      !(await confirm('Delete function?', `"${form.name}" is removed in your draft.`, 'Delete'))
    )
      return;
    const ok = await save(async () => {
      await api.del(`${base}/functions/${functionId}`);
      return true;
    }, 'Function deleted in draft');
    if (ok) go('functions');
  };

  return (
    <Stack>
      <Anchor href={href('g', groupId, 'a', appId, 'functions')} size="sm">
        ← Functions
      </Anchor>
      <Title order={2} size="h3">
        {functionId ? form.name || 'Function' : 'New function'}
      </Title>
      <Paper withBorder p="md">
        <form onSubmit={(e) => void submit(e)}>
          <Stack>
            <TextInput
              label="Name"
              value={form.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              required
            />
            <Group>
              <Switch
                label="Private"
                checked={form.private}
                onChange={(e) => set({ private: e.currentTarget.checked })}
              />
              <Switch
                label="Run as system"
                checked={form.run_as_system}
                onChange={(e) => set({ run_as_system: e.currentTarget.checked })}
              />
              <Switch
                label="Don't log arguments"
                checked={form.disable_arg_logs}
                onChange={(e) => set({ disable_arg_logs: e.currentTarget.checked })}
              />
            </Group>
            <CodeEditor
              label="Source"
              value={form.source}
              onChange={(v) => set({ source: v })}
              height="320px"
            />
            <Group justify="space-between">
              {functionId ? (
                <Button color="red" variant="outline" onClick={() => void remove()}>
                  Delete
                </Button>
              ) : (
                <span />
              )}
              <Button type="submit">Save Draft</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {functionId && <RunPanel name={form.name} onRun={run} />}
    </Stack>
  );
}
