import {
  Button,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useAppContext } from '../../api/app-context';
import { useLoad } from '../../api/hooks';
import type { SecretSummary } from '../../api/types';
import { Empty, ErrorAlert, Loading, useFeedback } from '../../components/feedback';
import { useSaveDraft } from '../../components/useSave';

/** Secrets: names are listed, values are write-only (never returned by the API). */
export function SecretsScreen() {
  const { api, base } = useAppContext();
  const { confirm } = useFeedback();
  const save = useSaveDraft();
  const secrets = useLoad(() => api.get<SecretSummary[]>(`${base}/secrets`), [api, base]);
  const [form, setForm] = useState<{ id?: string; name: string; value: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    const ok = await save(async () => {
      if (form.id)
        await api.put(`${base}/secrets/${form.id}`, { name: form.name, value: form.value });
      else await api.post(`${base}/secrets`, { name: form.name.trim(), value: form.value });
      return true;
    }, 'Secret saved');
    if (ok) {
      setForm(null);
      secrets.reload();
    }
  };
  const remove = async (s: SecretSummary) => {
    if (!(await confirm('Delete secret?', `"${s.name}" is deleted.`, 'Delete'))) return;
    await save(() => api.del(`${base}/secrets/${s._id}`), 'Secret deleted');
    secrets.reload();
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Secrets
        </Title>
        <Button onClick={() => setForm({ name: '', value: '' })}>Create a secret</Button>
      </Group>
      <Paper withBorder p="md">
        {secrets.loading && !secrets.data && <Loading />}
        <ErrorAlert error={secrets.error} />
        {secrets.data?.length === 0 && <Empty>No secrets yet.</Empty>}
        {secrets.data && secrets.data.length > 0 && (
          <div className="table-scroll">
            <Table>
              <Table.Tbody>
                {secrets.data.map((s) => (
                  <Table.Tr key={s._id}>
                    <Table.Td>{s.name}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setForm({ id: s._id, name: s.name, value: '' })}
                        >
                          Change value
                        </Button>
                        <Button
                          size="xs"
                          color="red"
                          variant="outline"
                          onClick={() => void remove(s)}
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
        title={form?.id ? `Change "${form.name}"` : 'New secret'}
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
              <PasswordInput
                label="Value"
                value={form.value}
                onChange={(e) => setForm({ ...form, value: e.currentTarget.value })}
                required
                autoComplete="off"
              />
              <Text size="xs" c="dimmed">
                The value is stored encrypted and never shown again.
              </Text>
              <Group justify="flex-end">
                <Button type="submit">Save</Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
