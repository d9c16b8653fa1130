import { Anchor, Badge, Button, Skeleton, Table, Text } from "@mantine/core";
import { IconUserPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Role } from "../../api/types";
import { Empty } from "../../ui/Empty";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { useCluster } from "../auth/cluster";
import { AccountModal } from "./AccountModal";
import { useAccounts } from "./api";

const roleColor: Record<Role, string> = { staff: "violet", member: "blue", funder: "orange" };

export default function AccountsPage() {
  const { t } = useTranslation();
  const cluster = useCluster();
  const accounts = useAccounts();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t("accounts.title")}
        subtitle={t("accounts.subtitle")}
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)} data-testid="account-new">
            {t("accounts.new")}
          </Button>
        }
      />
      {accounts.isPending ? (
        <Skeleton h={160} />
      ) : accounts.isError ? (
        <ErrorDisplay error={accounts.error} onRetry={() => accounts.refetch()} />
      ) : accounts.data.length === 0 ? (
        <Empty title={t("accounts.none")} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table highlightOnHover data-testid="accounts-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("accounts.name")}</Table.Th>
                <Table.Th>{t("accounts.email")}</Table.Th>
                <Table.Th>{t("accounts.role")}</Table.Th>
                <Table.Th>{t("accounts.company")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.data.map((account) => (
                <Table.Tr key={account.userId} data-testid="account-row">
                  <Table.Td fw={500}>{account.name}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {account.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={roleColor[account.role]}>{t(`roles.${account.role}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    {account.memberId ? (
                      <Anchor
                        component={Link}
                        to={cluster.path(`members/${account.memberId}`)}
                        size="sm"
                        data-testid="account-member-name"
                      >
                        {account.memberName ?? t("accounts.deletedCompany")}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && <AccountModal onClose={() => setCreating(false)} />}
    </>
  );
}
