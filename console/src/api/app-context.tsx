import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { AdminApi } from './client';
import type { AppInstance, Diff, Draft } from './types';

export interface DraftState {
  draft: Draft | null;
  diff: string[];
  /** Reads the admin's open draft and its diff again. */
  refresh: () => Promise<void>;
  /** Opens a draft unless one is open, so that the next writes wait for Deploy. */
  ensure: () => Promise<void>;
}

export interface AppContextValue {
  api: AdminApi;
  groupId: string;
  appId: string;
  app: AppInstance;
  /** `/groups/<group>/apps/<app>`: the prefix of the app's Admin API paths. */
  base: string;
  draft: DraftState;
  /** Goes to a section of this app. */
  go: (...parts: string[]) => void;
}

const Ctx = createContext<AppContextValue | null>(null);

export function useAppContext(): AppContextValue {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useAppContext outside an app');
  return ctx;
}

export function useDraftState(api: AdminApi, base: string): DraftState {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [diff, setDiff] = useState<string[]>([]);

  const refresh = useCallback(async () => {
    const drafts = await api.get<Draft[]>(`${base}/drafts`);
    const mine = drafts.find((d) => d.user_id === api.userId) ?? drafts[0] ?? null;
    setDraft(mine);
    setDiff(mine ? (await api.get<Diff>(`${base}/drafts/${mine._id}/diff`)).diffs : []);
  }, [api, base]);

  const ensure = useCallback(async () => {
    const drafts = await api.get<Draft[]>(`${base}/drafts`);
    if (drafts.length === 0) setDraft(await api.post<Draft>(`${base}/drafts`));
  }, [api, base]);

  useEffect(() => {
    refresh().catch(() => undefined);
  }, [refresh]);

  return { draft, diff, refresh, ensure };
}

export function AppContextProvider({
  value,
  children,
}: {
  value: AppContextValue;
  children: ReactNode;
}) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
