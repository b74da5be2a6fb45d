import {
  Badge,
  Button,
  Code,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useAppContext } from '../../api/app-context';
import type { ExecutionResult } from '../../api/types';

/**
 * Runs the function (as saved in your draft, else as deployed) through the debug console
 * endpoint, as system or as a user, with JSON arguments; shows the result and the logs.
 */
export function RunPanel({
  name,
  onRun,
}: {
  name: string;
  onRun: <T>(fn: () => Promise<T>) => Promise<T | undefined>;
}) {
  const { api, base } = useAppContext();
  const [args, setArgs] = useState('[]');
  const [as, setAs] = useState<'system' | 'user'>('system');
  const [userId, setUserId] = useState('');
  const [argsError, setArgsError] = useState<string | null>(null);
  const [result, setResult] = useState<ExecutionResult | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(args);
      if (!Array.isArray(parsed)) throw new Error('the arguments must be a JSON array');
      setArgsError(null);
    } catch (err) {
      setArgsError(err instanceof Error ? err.message : String(err));
      return;
    }
    setBusy(true);
    const query = as === 'system' ? { run_as_system: true } : { user_id: userId.trim() };
    const r = await onRun(() =>
      api.post<ExecutionResult>(
        `${base}/debug/execute_function`,
        { name, arguments: parsed },
        query,
      ),
    );
    setBusy(false);
    if (r) setResult(r);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="run-title">
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Title order={3} size="h5" id="run-title">
            Run
          </Title>
          <Textarea
            label="Arguments (a JSON array; Extended JSON values allowed)"
            value={args}
            onChange={(e) => setArgs(e.currentTarget.value)}
            error={argsError}
            ff="monospace"
            autosize
            minRows={1}
          />
          <Group align="flex-end">
            <SegmentedControl
              aria-label="Run as"
              value={as}
              onChange={(v) => setAs(v)}
              data={[
                { value: 'system', label: 'As system' },
                { value: 'user', label: 'As a user' },
              ]}
            />
            {as === 'user' && (
              <TextInput
                label="User id"
                value={userId}
                onChange={(e) => setUserId(e.currentTarget.value)}
                required
                w={260}
              />
            )}
            <Button type="submit" loading={busy}>
              Run
            </Button>
          </Group>
          {result && (
            <Stack gap="xs" data-testid="run-result">
              <Group gap="xs">
                <Badge color={result.error ? 'red' : 'teal'}>
                  {result.error ? result.error.error_code : 'ok'}
                </Badge>
                <Text size="xs" c="dimmed">
                  {result.stats.execution_time}
                </Text>
              </Group>
              <Text size="sm" fw={500}>
                {result.error ? 'Error' : 'Result'}
              </Text>
              <Code block className="code-block">
                {result.error
                  ? result.error.message
                  : JSON.stringify(result.result ?? null, null, 2)}
              </Code>
              <Text size="sm" fw={500}>
                Logs
              </Text>
              <Code block className="code-block">
                {[
                  ...(result.logs ?? []),
                  ...(result.error_logs ?? []).map((l) => `error: ${l}`),
                ].join('\n') || '(none)'}
              </Code>
            </Stack>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
