import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMemo, type ReactNode } from 'react';
import { AppContextProvider, useDraftState, type AppContextValue } from '../api/app-context';
import type { AdminApi } from '../api/client';
import { useLoad } from '../api/hooks';
import { href, navigate } from '../api/route';
import type { AppInstance } from '../api/types';
import { DraftBanner } from '../components/DraftBanner';
import { ErrorAlert, Loading } from '../components/feedback';
import { AuthScreen } from './auth/AuthScreen';
import { DeployScreen } from './deploy/DeployScreen';
import { FunctionsScreen } from './functions/FunctionsScreen';
import { LogsScreen } from './logs/LogsScreen';
import { RulesScreen } from './rules/RulesScreen';
import { SecretsScreen } from './values/SecretsScreen';
import { TriggersScreen } from './triggers/TriggersScreen';
import { UsersScreen } from './users/UsersScreen';
import { ValuesScreen } from './values/ValuesScreen';

const SECTIONS: { key: string; label: string; render: (rest: string[]) => ReactNode }[] = [
  { key: 'users', label: 'App Users', render: (rest) => <UsersScreen tab={rest[0]} /> },
  { key: 'auth', label: 'Authentication', render: (rest) => <AuthScreen rest={rest} /> },
  { key: 'functions', label: 'Functions', render: (rest) => <FunctionsScreen rest={rest} /> },
  { key: 'values', label: 'Values', render: () => <ValuesScreen /> },
  { key: 'secrets', label: 'Secrets', render: () => <SecretsScreen /> },
  { key: 'triggers', label: 'Triggers', render: (rest) => <TriggersScreen rest={rest} /> },
  { key: 'rules', label: 'Rules', render: () => <RulesScreen /> },
  { key: 'logs', label: 'Logs', render: () => <LogsScreen /> },
  { key: 'deploy', label: 'Deploy', render: () => <DeployScreen /> },
];

/** An app's screens: the navigation, the draft banner, and the section the URL names. */
export function AppShellLayout({
  api,
  groupId,
  appId,
  section,
  onLogout,
}: {
  api: AdminApi;
  groupId: string;
  appId: string;
  section: string[];
  onLogout: () => void;
}) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const base = `/groups/${groupId}/apps/${appId}`;
  const app = useLoad(() => api.get<AppInstance>(base), [api, base]);
  const draft = useDraftState(api, base);
  const [key = 'users', ...rest] = section;
  const current = SECTIONS.find((s) => s.key === key) ?? SECTIONS[0]!;

  const ctx = useMemo<AppContextValue | null>(
    () =>
      app.data
        ? {
            api,
            groupId,
            appId,
            app: app.data,
            base,
            draft,
            go: (...parts: string[]) => navigate('g', groupId, 'a', appId, ...parts),
          }
        : null,
    [api, groupId, appId, app.data, base, draft],
  );

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Title order={1} size="h5" visibleFrom="xs" className="nowrap">
              <a href={href('g', groupId)} className="plain-link">
                App Services
              </a>
            </Title>
            <Text truncate fw={600} data-testid="app-name">
              {app.data?.name ?? '…'}
            </Text>
          </Group>
          <Button variant="subtle" size="xs" onClick={onLogout} className="nowrap">
            Sign out
          </Button>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="App sections">
        <ScrollArea>
          {SECTIONS.map((s) => (
            <NavLink
              key={s.key}
              href={href('g', groupId, 'a', appId, s.key)}
              label={s.label}
              active={s.key === current.key}
              onClick={close}
            />
          ))}
          <NavLink href="/docs" label="API reference" />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        {app.loading && !app.data && <Loading />}
        <ErrorAlert error={app.error} title="Could not open the app" />
        {ctx && (
          <AppContextProvider value={ctx}>
            <DraftBanner />
            <main aria-label={current.label}>{current.render(rest)}</main>
          </AppContextProvider>
        )}
      </AppShell.Main>
    </AppShell>
  );
}
