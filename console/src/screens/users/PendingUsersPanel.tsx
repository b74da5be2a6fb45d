import { Button, Table } from '@mantine/core';
import { useAppContext } from '../../api/app-context';
import { useLoad } from '../../api/hooks';
import type { PendingUser } from '../../api/types';
import { Empty, ErrorAlert, Loading, useFeedback } from '../../components/feedback';

/** Email/password users who have not confirmed yet; an admin may confirm them. */
export function PendingUsersPanel() {
  const { api, base } = useAppContext();
  const { run } = useFeedback();
  const pending = useLoad(
    () => api.get<PendingUser[]>(`${base}/user_registrations/pending_users`),
    [api, base],
  );
  const confirmUser = async (email: string) => {
    await run(
      () => api.post(`${base}/user_registrations/by_email/${encodeURIComponent(email)}/confirm`),
      `${email} confirmed`,
    );
    pending.reload();
  };
  return (
    <>
      {pending.loading && !pending.data && <Loading />}
      <ErrorAlert error={pending.error} />
      {pending.data?.length === 0 && <Empty>No pending users.</Empty>}
      {pending.data && pending.data.length > 0 && (
        <div className="table-scroll">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Email</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pending.data.map((p) => {
                const email = p.login_ids[0]?.id ?? '';
                return (
                  <Table.Tr key={p._id}>
                    <Table.Td>{email}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => void confirmUser(email)}>
                        Confirm
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </>
  );
}
