import {
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { login, type Session } from '../api/client';
import { ErrorAlert } from '../components/feedback';

/** Sign in with an admin API key pair (`npm run admin -- create-key`). */
export function LoginScreen({ onLogin }: { onLogin: (s: Session) => void }) {
  const [publicKey, setPublicKey] = useState('');
  const [privateKey, setPrivateKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLogin(await login(publicKey.trim(), privateKey.trim()));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420} component="main">
        <form onSubmit={(e) => void submit(e)} aria-label="Sign in">
          <Stack>
            <Title order={1} size="h3">
              Open App Services
            </Title>
            <Text size="sm" c="dimmed">
              Sign in with an admin API key pair. Create one with{' '}
              <code>npm run admin -- create-key</code>.
            </Text>
            <TextInput
              label="Public key"
              value={publicKey}
              onChange={(e) => setPublicKey(e.currentTarget.value)}
              required
              autoComplete="username"
              data-autofocus
            />
            <PasswordInput
              label="Private key"
              value={privateKey}
              onChange={(e) => setPrivateKey(e.currentTarget.value)}
              required
              autoComplete="current-password"
            />
            <ErrorAlert error={error} title="Sign-in failed" />
            <Button type="submit" loading={busy}>
              Sign in
            </Button>
            <Anchor href="/docs" size="sm">
              API reference
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
