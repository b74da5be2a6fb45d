import {
  Anchor,
  Button,
  Container,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { AdminApi } from '../api/client';
import { useLoad } from '../api/hooks';
import { href, navigate } from '../api/route';
import type { AdminProfile, AppInstance } from '../api/types';
import { Empty, ErrorAlert, Loading, useFeedback } from '../components/feedback';

const GROUP_ID = /^[0-9a-f]{24}$/;

/** Pick a group (from the key's roles, or typed in for an organization owner), then an app. */
export function PickerScreen({
  api,
  groupId,
  onLogout,
}: {
  api: AdminApi;
  groupId?: string;
  onLogout: () => void;
}) {
  const profile = useLoad(() => api.get<AdminProfile>('/auth/profile'), [api]);
  const [typed, setTyped] = useState('');
  const groups = [...new Set((profile.data?.roles ?? []).map((r) => r.group_id).filter(Boolean))];
  const isOrgOwner = profile.data?.roles.some((r) => r.role_name === 'ORG_OWNER') ?? false;

  return (
    <Container size="md" py="lg" component="main">
      <Group justify="space-between" mb="md">
        <Title order={1} size="h3">
          Open App Services
        </Title>
        <Group gap="xs">
          <Anchor href="/docs" size="sm">
            API reference
          </Anchor>
          <Button variant="subtle" size="xs" onClick={onLogout}>
            Sign out
          </Button>
        </Group>
      </Group>
      <Stack>
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="sm">
            Groups
          </Title>
          {profile.loading && <Loading />}
          <ErrorAlert error={profile.error} />
          <Group gap="xs">
            {groups.map((g) => (
              <Button
                key={g}
                variant={g === groupId ? 'filled' : 'light'}
                component="a"
                href={href('g', g)}
                ff="monospace"
              >
                {g}
              </Button>
            ))}
          </Group>
          {isOrgOwner && (
            <form
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                if (GROUP_ID.test(typed.trim())) navigate('g', typed.trim());
              }}
            >
              <Group mt="sm" align="flex-end">
                <TextInput
                  label="Group id (organization owner: any group)"
                  value={typed}
                  onChange={(e) => setTyped(e.currentTarget.value)}
                  placeholder="24 hex digits"
                  error={
                    typed && !GROUP_ID.test(typed.trim()) ? 'A group id is 24 hex digits' : null
                  }
                  w={300}
                />
                <Button type="submit" variant="default">
                  Open group
                </Button>
              </Group>
            </form>
          )}
        </Paper>
        {groupId && <AppList api={api} groupId={groupId} />}
      </Stack>
    </Container>
  );
}

function AppList({ api, groupId }: { api: AdminApi; groupId: string }) {
  const apps = useLoad(() => api.get<AppInstance[]>(`/groups/${groupId}/apps`), [api, groupId]);
  const { run } = useFeedback();
  const [name, setName] = useState('');

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const app = await run(
      () => api.post<AppInstance>(`/groups/${groupId}/apps`, { name: name.trim() }),
      'App created',
    );
    if (app) navigate('g', groupId, 'a', app._id, 'users');
  };

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        Apps in {groupId}
      </Title>
      {apps.loading && !apps.data && <Loading />}
      <ErrorAlert error={apps.error} />
      {apps.data && apps.data.length === 0 && <Empty>No apps in this group yet.</Empty>}
      {apps.data && apps.data.length > 0 && (
        <div className="table-scroll">
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Client app id</Table.Th>
                <Table.Th>Environment</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {apps.data.map((a) => (
                <Table.Tr key={a._id}>
                  <Table.Td>
                    <Anchor href={href('g', groupId, 'a', a._id, 'users')}>{a.name}</Anchor>
                  </Table.Td>
                  <Table.Td ff="monospace">{a.client_app_id}</Table.Td>
                  <Table.Td>{a.environment || <Text c="dimmed">none</Text>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <form onSubmit={(e) => void create(e)}>
        <Group mt="md" align="flex-end">
          <TextInput
            label="New app name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            w={260}
          />
          <Button type="submit" variant="default">
            Create app
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
