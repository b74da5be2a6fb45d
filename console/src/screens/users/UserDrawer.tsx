import { Badge, Button, Code, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useAppContext } from '../../api/app-context';
import { useLoad } from '../../api/hooks';
import type { ExecutionResult, User } from '../../api/types';
import { ErrorAlert, Loading, useFeedback } from '../../components/feedback';
import { userLabel } from './UsersPanel';

/** Runs as the user, so that `context.user.custom_data` is their custom user data read now. */
const READ_CUSTOM_DATA = {
  source: 'exports = () => context.user.custom_data;',
  eval_source: 'exports()',
};

/** A user: identities, metadata, custom user data, and enable/disable/log out/delete. */
export function UserDrawer({
  userId,
  onClose,
  onChanged,
}: {
  userId: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { api, base } = useAppContext();
  const { run, confirm } = useFeedback();
  const path = `${base}/users/${userId}`;
  const user = useLoad(() => api.get<User>(path), [api, path]);
  const customData = useLoad(
    () =>
      api.post<ExecutionResult>(`${base}/debug/execute_function_source`, READ_CUSTOM_DATA, {
        user_id: userId,
      }),
    [api, base, userId],
  );

  const act = async (what: 'enable' | 'disable' | 'logout', done: string) => {
    await run(() => api.put(`${path}/${what}`), done);
    user.reload();
    onChanged();
  };
  const remove = async () => {
    if (
      !(await confirm(
        'Delete user?',
        `${userId} and their identities and sessions are deleted.`,
        'Delete user',
      ))
    )
      return;
    const ok = await run(async () => {
      await api.del(path);
      return true;
    }, 'User deleted');
    if (ok) {
      onChanged();
      onClose();
    }
  };

  const u = user.data;
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={u ? userLabel(u) : 'User'}>
      {user.loading && !u && <Loading />}
      <ErrorAlert error={user.error} />
      {u && (
        <Stack>
          <Group gap="xs">
            <Badge color={u.disabled ? 'gray' : 'teal'} data-testid="user-state">
              {u.disabled ? 'disabled' : 'enabled'}
            </Badge>
            <Badge variant="outline">{u.type}</Badge>
            <Text size="xs" ff="monospace">
              {u._id}
            </Text>
          </Group>
          <Group gap="xs">
            {u.disabled ? (
              <Button size="xs" onClick={() => void act('enable', 'User enabled')}>
                Enable
              </Button>
            ) : (
              <Button size="xs" color="orange" onClick={() => void act('disable', 'User disabled')}>
                Disable
              </Button>
            )}
            <Button
              size="xs"
              variant="default"
              onClick={() => void act('logout', 'User logged out')}
            >
              Log out
            </Button>
            <Button size="xs" color="red" variant="outline" onClick={() => void remove()}>
              Delete
            </Button>
          </Group>
          <Title order={3} size="h6">
            Identities
          </Title>
          <div className="table-scroll">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Provider</Table.Th>
                  <Table.Th>Id</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {u.identities.map((i) => (
                  <Table.Tr key={i.provider_type + i.id}>
                    <Table.Td>{i.provider_type}</Table.Td>
                    <Table.Td ff="monospace" fz="xs">
                      {i.id}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <Title order={3} size="h6">
            Metadata
          </Title>
          <Code block className="code-block">
            {JSON.stringify(u.data, null, 2)}
          </Code>
          <Title order={3} size="h6">
            Custom user data
          </Title>
          {customData.loading && <Loading />}
          <ErrorAlert error={customData.error} />
          {customData.data && (
            <Code block className="code-block" data-testid="custom-data">
              {customData.data.error
                ? `${customData.data.error.error_code}: ${customData.data.error.message}`
                : JSON.stringify(customData.data.result ?? null, null, 2)}
            </Code>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
