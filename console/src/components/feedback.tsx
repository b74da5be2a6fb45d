import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Notification,
  Stack,
  Text,
} from '@mantine/core';
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';

/** The message and `error_code` of an Admin API error (or any other error). */
export function describe(error: unknown): { message: string; code?: string } {
  if (error instanceof ApiError) return { message: error.message, code: error.errorCode };
  return { message: error instanceof Error ? error.message : String(error) };
}

export function ErrorAlert({
  error,
  title = 'Request failed',
}: {
  error: unknown;
  title?: string;
}) {
  if (!error) return null;
  const { message, code } = describe(error);
  return (
    <Alert color="red" title={title} role="alert" data-testid="error">
      <Text size="sm">{message}</Text>
      {code && (
        <Text size="xs" ff="monospace" mt={4}>
          error_code: {code}
        </Text>
      )}
    </Alert>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" aria-busy="true">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{label}</Text>
      </Group>
    </Center>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <Center py="lg">
      <Text c="dimmed" ta="center">
        {children}
      </Text>
    </Center>
  );
}

interface Toast {
  id: number;
  title: string;
  message?: string;
  color: string;
}

interface Feedback {
  /** Runs `fn`, then says it worked (`done`) or shows the error with its code. */
  run: <T>(fn: () => Promise<T>, done?: string) => Promise<T | undefined>;
  /** Asks before a destructive action; resolves true if confirmed. */
  confirm: (title: string, message: ReactNode, action?: string) => Promise<boolean>;
  notify: (title: string, message?: string, color?: string) => void;
}

const FeedbackContext = createContext<Feedback | null>(null);

export function useFeedback(): Feedback {
  const ctx = useContext(FeedbackContext);
  if (!ctx) throw new Error('useFeedback outside FeedbackProvider');
  return ctx;
}

interface Ask {
  title: string;
  message: ReactNode;
  action: string;
  resolve: (ok: boolean) => void;
}

/** Toasts for action results and one confirmation dialog for destructive actions. */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [ask, setAsk] = useState<Ask | null>(null);
  const next = useRef(1);

  const notify = useCallback((title: string, message?: string, color = 'teal') => {
    const id = next.current++;
    setToasts((t) => [...t, { id, title, message, color }]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), 6000);
  }, []);

  const run = useCallback(
    async <T,>(fn: () => Promise<T>, done?: string): Promise<T | undefined> => {
      try {
        const result = await fn();
        if (done) notify(done);
        return result;
      } catch (error) {
        const { message, code } = describe(error);
        notify(code ? `Failed: ${code}` : 'Failed', message, 'red');
        return undefined;
      }
    },
    [notify],
  );

  const confirm = useCallback(
    (title: string, message: ReactNode, action = 'Confirm') =>
      new Promise<boolean>((resolve) => setAsk({ title, message, action, resolve })),
    [],
  );

  const close = (ok: boolean) => {
    ask?.resolve(ok);
    setAsk(null);
  };

  return (
    <FeedbackContext.Provider value={{ run, confirm, notify }}>
      {children}
      <Modal opened={ask !== null} onClose={() => close(false)} title={ask?.title} centered>
        <Stack>
          <Text size="sm">{ask?.message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button color="red" onClick={() => close(true)} data-autofocus>
              {ask?.action}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Stack className="toasts" gap="xs" aria-live="polite">
        {toasts.map((t) => (
          <Notification
            key={t.id}
            color={t.color}
            title={t.title}
            onClose={() => setToasts((all) => all.filter((x) => x.id !== t.id))}
            role={t.color === 'red' ? 'alert' : 'status'}
          >
            {t.message}
          </Notification>
        ))}
      </Stack>
    </FeedbackContext.Provider>
  );
}
