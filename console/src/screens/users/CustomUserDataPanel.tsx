import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useAppContext } from '../../api/app-context';
import { useLoad } from '../../api/hooks';
import type { CustomUserData, FunctionSummary, ServiceSummary } from '../../api/types';
import { CodeEditor } from '../../components/CodeEditor';
import { ErrorAlert, Loading } from '../../components/feedback';
import { useSaveDraft } from '../../components/useSave';

const TEMPLATE = `exports = async function onUserCreation(user) {
  const customUserDataCollection = context.services
    .get("mongodb-atlas")
    .db("myapp")
    .collection("users");
  await customUserDataCollection.insertOne({
    // Save the user's account ID to your configured user_id_field
    user_account_id: user.id,
    // Store any other user data you want
    favorite_color: "blue",
  });
};
`;

/** The built-in data source (this server's database), as a new app's first linked source. */
const BUILT_IN_SOURCE = {
  name: 'mongodb-atlas',
  type: 'mongodb-atlas',
  config: { clusterName: 'Cluster0', readPreference: 'primary', wireProtocolEnabled: false },
};

type FnMode = 'none' | 'existing' | 'new';

interface Form {
  enabled: boolean;
  mongo_service_id: string;
  database_name: string;
  collection_name: string;
  user_id_field: string;
  fnMode: FnMode;
  fnId: string;
  newName: string;
  newSource: string;
}

/** App Users → User Settings → Custom User Data (seed 000). */
export function CustomUserDataPanel() {
  const { api, base } = useAppContext();
  const save = useSaveDraft();
  const loaded = useLoad(
    async () =>
      Promise.all([
        api.get<CustomUserData>(`${base}/custom_user_data`),
        api.get<ServiceSummary[]>(`${base}/services`),
        api.get<FunctionSummary[]>(`${base}/functions`),
      ]),
    [api, base],
  );
  const [form, setForm] = useState<Form | null>(null);
  useEffect(() => {
    const cud = loaded.data?.[0];
    if (!cud) return;
    setForm({
      enabled: cud.enabled,
      mongo_service_id: cud.mongo_service_id,
      database_name: cud.database_name,
      collection_name: cud.collection_name,
      user_id_field: cud.user_id_field,
      fnMode: cud.on_user_creation_function_id ? 'existing' : 'none',
      fnId: cud.on_user_creation_function_id,
      newName: 'onUserCreation',
      newSource: TEMPLATE,
    });
  }, [loaded.data]);

  if (loaded.loading && !form) return <Loading />;
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (!form || !loaded.data) return null;
  const [, services, functions] = loaded.data;
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });

  const linkSource = async () => {
    await save(() => api.post(`${base}/services`, BUILT_IN_SOURCE), 'Data source linked');
    loaded.reload();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await save(async () => {
      let fnId = form.fnMode === 'existing' ? form.fnId : '';
      if (form.fnMode === 'new') {
        const created = await api.post<{ _id: string }>(`${base}/functions`, {
          name: form.newName.trim(),
          private: true,
          source: form.newSource,
        });
        fnId = created._id;
      }
      await api.patch(`${base}/custom_user_data`, {
        enabled: form.enabled,
        mongo_service_id: form.mongo_service_id,
        database_name: form.database_name.trim(),
        collection_name: form.collection_name.trim(),
        user_id_field: form.user_id_field.trim(),
        on_user_creation_function_id: fnId,
      });
      return true;
    });
    if (ok) loaded.reload();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cud-title">
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Title order={3} size="h5" id="cud-title">
            Custom User Data
          </Title>
          <Text size="sm" c="dimmed">
            Each user's document in a collection of a linked data source, added to their access
            token as <code>user_data</code>.
          </Text>
          <Switch
            label="Enable Custom User Data"
            checked={form.enabled}
            onChange={(e) => set({ enabled: e.currentTarget.checked })}
          />
          {services.length === 0 ? (
            <Group>
              <Text size="sm">No data source is linked to this app.</Text>
              <Button size="xs" variant="light" onClick={() => void linkSource()}>
                Link the built-in data source
              </Button>
            </Group>
          ) : (
            <Select
              label="Cluster Name (data source)"
              data={services.map((s) => ({ value: s._id, label: s.name }))}
              value={form.mongo_service_id || null}
              onChange={(v) => set({ mongo_service_id: v ?? '' })}
              required={form.enabled}
              allowDeselect={false}
            />
          )}
          <Group grow wrap="wrap">
            <TextInput
              label="Database Name"
              value={form.database_name}
              onChange={(e) => set({ database_name: e.currentTarget.value })}
              required={form.enabled}
              miw={180}
            />
            <TextInput
              label="Collection Name"
              value={form.collection_name}
              onChange={(e) => set({ collection_name: e.currentTarget.value })}
              required={form.enabled}
              miw={180}
            />
          </Group>
          <TextInput
            label="User ID Field"
            description="The field holding each user's id (an ObjectId or its string)."
            value={form.user_id_field}
            onChange={(e) => set({ user_id_field: e.currentTarget.value })}
            required={form.enabled}
          />
          <div>
            <Text size="sm" fw={500} mb={4} id="fn-mode-label">
              User Creation Function
            </Text>
            <SegmentedControl
              aria-labelledby="fn-mode-label"
              value={form.fnMode}
              onChange={(v) => set({ fnMode: v })}
              data={[
                { value: 'none', label: 'None' },
                { value: 'existing', label: 'Existing function' },
                { value: 'new', label: 'New function' },
              ]}
            />
          </div>
          {form.fnMode === 'existing' && (
            <Select
              label="Function"
              data={functions.map((f) => ({ value: f._id, label: f.name }))}
              value={form.fnId || null}
              onChange={(v) => set({ fnId: v ?? '' })}
              required
              searchable
              nothingFoundMessage="No functions yet: write a new one"
            />
          )}
          {form.fnMode === 'new' && (
            <>
              <TextInput
                label="Function name"
                value={form.newName}
                onChange={(e) => set({ newName: e.currentTarget.value })}
                required
              />
              <CodeEditor
                label="Function source"
                value={form.newSource}
                onChange={(v) => set({ newSource: v })}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button type="submit">Save Draft</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
