import { Stack, Tabs, Title } from '@mantine/core';
import { useAppContext } from '../../api/app-context';
import { ApiKeysPanel } from './ApiKeysPanel';
import { CustomUserDataPanel } from './CustomUserDataPanel';
import { PendingUsersPanel } from './PendingUsersPanel';
import { UsersPanel } from './UsersPanel';

const TABS = ['users', 'pending', 'settings', 'api-keys'] as const;

/** App Users: users, pending email users, User Settings (custom user data), server API keys. */
export function UsersScreen({ tab }: { tab?: string }) {
  const { go } = useAppContext();
  const current = (TABS as readonly string[]).includes(tab ?? '') ? tab! : 'users';
  return (
    <Stack>
      <Title order={2} size="h3">
        App Users
      </Title>
      <Tabs value={current} onChange={(v) => v && go('users', v)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="users">Users</Tabs.Tab>
          <Tabs.Tab value="pending">Pending</Tabs.Tab>
          <Tabs.Tab value="settings">User Settings</Tabs.Tab>
          <Tabs.Tab value="api-keys">API Keys</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users" pt="md">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="pending" pt="md">
          <PendingUsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <CustomUserDataPanel />
        </Tabs.Panel>
        <Tabs.Panel value="api-keys" pt="md">
          <ApiKeysPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
