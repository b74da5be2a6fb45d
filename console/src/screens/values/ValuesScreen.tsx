import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useAppContext } from '../../api/app-context';
import { useLoad } from '../../api/hooks';
import type { SecretSummary, Value, ValueSummary } from '../../api/types';
import { Empty, ErrorAlert, Loading, useFeedback } from '../../components/feedback';
import { useSaveDraft } from '../../components/useSave';

interface Form {
  id?: string;
  name: string;
  private: boolean;
  from_secret: boolean;
  value: string;
  secret: string | null;
}

const BLANK: Form = { name: '', private: false, from_secret: false, value: '""', secret: null };

/** Values: JSON values or secret references that functions read with `context.values.get`. */
export function ValuesScreen() {
  const { api, base } = useAppContext();
  const { confirm } = useFeedback();
  const save = useSaveDraft();
  const values = useLoad(() => api.get<ValueSummary[]>(`${base}/values`), [api, base]);
  const secrets = useLoad(() => api.get<SecretSummary[]>(`${base}/secrets`), [api, base]);
  const [form, setForm] = useState<Form | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);

  const edit = async (v: ValueSummary) => {
    const full = await api.get<Value>(`${base}/values/${v._id}`);
    setForm({
      id: v._id,
      name: full.name,
      private: full.private,
      from_secret: full.from_secret,
      value: full.from_secret ? '""' : JSON.stringify(full.value, null, 2),
      secret: full.from_secret ? String(full.value) : null,
    });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    let value: unknown = form.secret;
    if (!form.from_secret) {
      try {
        value = JSON.parse(form.value);
      } catch {
        setJsonError('Not JSON: a string needs "quotes".');
        return;
      }
    }
    setJsonError(null);
    const body = {
      name: form.name.trim(),
      private: form.private,
      from_secret: form.from_secret,
      value,
    };
    const ok = await save(async () => {
      if (form.id) await api.put(`${base}/values/${form.id}`, body);
      else await api.post(`${base}/values`, body);
      return true;
    });
    if (ok) {
      setForm(null);
      values.reload();
    }
  };
  const remove = async (v: ValueSummary) => {
    if (!(await confirm('Delete value?', `"${v.name}" is removed in your draft.`, 'Delete')))
      return;
    await save(() => api.del(`${base}/values/${v._id}`), 'Value deleted in draft');
    values.reload();
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Values
        </Title>
        <Button onClick={() => setForm(BLANK)}>Create a value</Button>
      </Group>
      <Paper withBorder p="md">
        {values.loading && !values.data && <Loading />}
        <ErrorAlert error={values.error} />
        {values.data?.length === 0 && <Empty>No values yet.</Empty>}
        {values.data && values.data.length > 0 && (
          <div className="table-scroll">
            <Table>
              <Table.Tbody>
                {values.data.map((v) => (
                  <Table.Tr key={v._id}>
                    <Table.Td>{v.name}</Table.Td>
                    <Table.Td>{v.private && <Badge variant="light">private</Badge>}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end">
                        <Button size="xs" variant="light" onClick={() => void edit(v)}>
                          Edit
                        </Button>
                        <Button
                          size="xs"
                          color="red"
                          variant="outline"
                          onClick={() => void remove(v)}
                        >
                          Delete
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Paper>
      <Modal
        opened={form !== null}
        onClose={() => setForm(null)}
        title={form?.id ? 'Edit value' : 'New value'}
      >
        {form && (
          <form onSubmit={(e) => void submit(e)}>
            <Stack>
              <TextInput
                label="Name"
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
                required
                disabled={!!form.id}
              />
              <Switch
                label="Private"
                checked={form.private}
                onChange={(e) => setForm({ ...form, private: e.currentTarget.checked })}
              />
              <Switch
                label="Link to a secret"
                checked={form.from_secret}
                onChange={(e) => setForm({ ...form, from_secret: e.currentTarget.checked })}
              />
              {form.from_secret ? (
                <Select
                  label="Secret"
                  data={(secrets.data ?? []).map((s) => s.name)}
                  value={form.secret}
                  onChange={(v) => setForm({ ...form, secret: v })}
                  required
                />
              ) : (
                <Textarea
                  label="Value (JSON)"
                  value={form.value}
                  onChange={(e) => setForm({ ...form, value: e.currentTarget.value })}
                  error={jsonError}
                  ff="monospace"
                  autosize
                  minRows={2}
                />
              )}
              <Group justify="flex-end">
                <Button type="submit">Save Draft</Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
