import { Alert, Badge, Button, Code, Group, Table, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useAppContext } from '../../api/app-context';
import { useLoad } from '../../api/hooks';
import type { ApiKeySummary, NewApiKey } from '../../api/types';
import { Empty, ErrorAlert, Loading, useFeedback } from '../../components/feedback';

/** Server API keys: create (the key is shown once), enable/disable, delete. */
export function ApiKeysPanel() {
  const { api, base } = useAppContext();
  const { run, confirm } = useFeedback();
  const keys = useLoad(() => api.get<ApiKeySummary[]>(`${base}/api_keys`), [api, base]);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<NewApiKey | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const key = await run(
      () => api.post<NewApiKey>(`${base}/api_keys`, { name: name.trim() }),
      'API key created',
    );
    if (key) {
      setCreated(key);
      setName('');
    }
    keys.reload();
  };
  const toggle = async (k: ApiKeySummary) => {
    await run(() => api.put(`${base}/api_keys/${k._id}/${k.disabled ? 'enable' : 'disable'}`));
    keys.reload();
  };
  const remove = async (k: ApiKeySummary) => {
    if (!(await confirm('Delete API key?', `Logins with "${k.name}" stop working.`, 'Delete key')))
      return;
    await run(() => api.del(`${base}/api_keys/${k._id}`), 'API key deleted');
    keys.reload();
  };

  return (
    <>
      <form onSubmit={(e) => void create(e)}>
        <Group align="flex-end" mb="sm">
          <TextInput
            label="New key name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
          <Button type="submit" variant="default">
            Create API key
          </Button>
        </Group>
      </form>
      {created && (
        <Alert
          color="teal"
          title={`Key "${created.name}": copy it now, it is not shown again`}
          mb="sm"
          withCloseButton
          onClose={() => setCreated(null)}
        >
          <Code block>{created.key}</Code>
        </Alert>
      )}
      {keys.loading && !keys.data && <Loading />}
      <ErrorAlert error={keys.error} />
      {keys.data?.length === 0 && <Empty>No server API keys.</Empty>}
      {keys.data && keys.data.length > 0 && (
        <div className="table-scroll">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data.map((k) => (
                <Table.Tr key={k._id}>
                  <Table.Td>{k.name}</Table.Td>
                  <Table.Td>
                    <Badge color={k.disabled ? 'gray' : 'teal'}>
                      {k.disabled ? 'disabled' : 'enabled'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      <Button size="xs" variant="light" onClick={() => void toggle(k)}>
                        {k.disabled ? 'Enable' : 'Disable'}
                      </Button>
                      <Button
                        size="xs"
                        color="red"
                        variant="outline"
                        onClick={() => void remove(k)}
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
    </>
  );
}
