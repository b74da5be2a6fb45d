import {
  Anchor,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Switch,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useAppContext } from '../../api/app-context';
import { useLoad } from '../../api/hooks';
import { href } from '../../api/route';
import type { FunctionSummary, Trigger } from '../../api/types';
import { ErrorAlert, Loading, useFeedback } from '../../components/feedback';
import { useSaveDraft } from '../../components/useSave';
import { PROVIDER_TYPES } from '../auth/provider-types';

interface Form {
  name: string;
  type: 'AUTHENTICATION' | 'SCHEDULED';
  disabled: boolean;
  operation_type: string;
  providers: string[];
  schedule: string;
  skip_catchup_events: boolean;
  function_name: string | null;
}

/** A trigger: its type's settings and the function it runs; Save Draft; delete. */
export function TriggerEditor({ triggerId }: { triggerId?: string }) {
  const { api, base, go, groupId, appId } = useAppContext();
  const { confirm } = useFeedback();
  const save = useSaveDraft();
  const loaded = useLoad(
    () =>
      Promise.all([
        triggerId ? api.get<Trigger>(`${base}/triggers/${triggerId}`) : Promise.resolve(null),
        api.get<FunctionSummary[]>(`${base}/functions`),
      ]),
    [api, base, triggerId],
  );
  const [form, setForm] = useState<Form | null>(null);
  useEffect(() => {
    if (!loaded.data) return;
    const t = loaded.data[0];
    const c = (t?.config ?? {}) as Record<string, unknown>;
    setForm({
      name: t?.name ?? '',
      type: t?.type ?? 'AUTHENTICATION',
      disabled: t?.disabled ?? false,
      operation_type: (c.operation_type as string | undefined) ?? 'CREATE',
      providers: (c.providers as string[] | undefined) ?? [],
      schedule: (c.schedule as string | undefined) ?? '0 8 * * *',
      skip_catchup_events: (c.skip_catchup_events as boolean | undefined) ?? false,
      function_name: t?.function_name ?? null,
    });
  }, [loaded.data]);

  if (loaded.loading && !form) return <Loading />;
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (!form || !loaded.data) return null;
  const functions = loaded.data[1];
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name: form.name.trim(),
      type: form.type,
      disabled: form.disabled,
      function_name: form.function_name ?? '',
      config:
        form.type === 'AUTHENTICATION'
          ? { operation_type: form.operation_type, providers: form.providers }
          : { schedule: form.schedule.trim(), skip_catchup_events: form.skip_catchup_events },
    };
    const ok = await save(async () => {
      if (triggerId) await api.put(`${base}/triggers/${triggerId}`, body);
      else await api.post(`${base}/triggers`, body);
      return true;
    });
    if (ok) go('triggers');
  };
  const remove = async () => {
    if (
      !triggerId ||
      !(await confirm('Delete trigger?', `"${form.name}" is removed in your draft.`, 'Delete'))
    )
      return;
    const ok = await save(async () => {
      await api.del(`${base}/triggers/${triggerId}`);
      return true;
    }, 'Trigger deleted in draft');
    if (ok) go('triggers');
  };

  return (
    <Stack>
      <Anchor href={href('g', groupId, 'a', appId, 'triggers')} size="sm">
        ← Triggers
      </Anchor>
      <Title order={2} size="h3">
        {triggerId ? form.name : 'New trigger'}
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
            <Select
              label="Type"
              data={['AUTHENTICATION', 'SCHEDULED']}
              value={form.type}
              onChange={(v) => v && set({ type: v })}
              allowDeselect={false}
            />
            <Switch
              label="Enabled"
              checked={!form.disabled}
              onChange={(e) => set({ disabled: !e.currentTarget.checked })}
            />
            {form.type === 'AUTHENTICATION' ? (
              <>
                <Select
                  label="Operation"
                  data={['CREATE', 'LOGIN', 'DELETE']}
                  value={form.operation_type}
                  onChange={(v) => v && set({ operation_type: v })}
                  allowDeselect={false}
                />
                <MultiSelect
                  label="Providers"
                  data={PROVIDER_TYPES.map((p) => ({ value: p.type, label: p.label }))}
                  value={form.providers}
                  onChange={(v) => set({ providers: v })}
                  required
                />
              </>
            ) : (
              <>
                <TextInput
                  label="Schedule (cron, UTC)"
                  value={form.schedule}
                  onChange={(e) => set({ schedule: e.currentTarget.value })}
                  ff="monospace"
                  required
                />
                <Switch
                  label="Skip events missed while it could not run"
                  checked={form.skip_catchup_events}
                  onChange={(e) => set({ skip_catchup_events: e.currentTarget.checked })}
                />
              </>
            )}
            <Select
              label="Function"
              data={functions.map((f) => f.name)}
              value={form.function_name}
              onChange={(v) => set({ function_name: v })}
              required
              searchable
            />
            <Group justify="space-between">
              {triggerId ? (
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
    </Stack>
  );
}
