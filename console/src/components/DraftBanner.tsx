import { Alert, Button, Group, Text } from '@mantine/core';
import { useAppContext } from '../api/app-context';

/** Shown while the admin has a draft: how many changes wait, and the way to deploy them. */
export function DraftBanner() {
  const { draft, go } = useAppContext();
  if (!draft.draft) return null;
  const n = draft.diff.length;
  return (
    <Alert color="yellow" mb="md" p="xs" data-testid="draft-banner" role="status">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          Draft open: {n} {n === 1 ? 'change' : 'changes'}
        </Text>
        <Button size="xs" variant="filled" color="yellow.8" onClick={() => go('deploy')}>
          Review &amp; Deploy
        </Button>
      </Group>
    </Alert>
  );
}
