import { useMemo, useState } from 'react';
import { AdminApi, loadSession, storeSession, type Session } from './api/client';
import { useRoute } from './api/route';
import { AppShellLayout } from './screens/AppShellLayout';
import { LoginScreen } from './screens/LoginScreen';
import { PickerScreen } from './screens/PickerScreen';

/** Signed out: the login. Signed in: the group and app picker, or an app's screens. */
export function Root() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const route = useRoute();

  const api = useMemo(
    () =>
      session
        ? new AdminApi(session, (next) => {
            storeSession(next);
            // A refreshed token stays inside the AdminApi; only a lost session re-renders.
            if (!next) setSession(null);
          })
        : null,
    [session],
  );

  if (!session || !api) {
    return (
      <LoginScreen
        onLogin={(s) => {
          storeSession(s);
          setSession(s);
        }}
      />
    );
  }
  const logout = () => void api.logout();
  const [g, groupId, a, appId, ...rest] = route;
  if (g === 'g' && groupId && a === 'a' && appId) {
    return (
      <AppShellLayout
        key={`${groupId}/${appId}`}
        api={api}
        groupId={groupId}
        appId={appId}
        section={rest}
        onLogout={logout}
      />
    );
  }
  return <PickerScreen api={api} groupId={g === 'g' ? groupId : undefined} onLogout={logout} />;
}
