import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
} from "@mantine/core";
import { IconPhone, IconPhoneCall } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useFormat } from "../../lib/format";
import { Empty } from "../../ui/Empty";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import { useMember } from "../members/api";
import { type ToCall, useToCall } from "./api";
import { ContactModal } from "./ContactModal";
import { FollowUpList } from "./FollowUpList";

const HORIZONS = [7, 14, 30];

/** Loads the member (for its people) before opening the contact form. */
function LogContact({ memberId, onClose }: { memberId: string; onClose: () => void }) {
  const member = useMember(memberId);
  if (!member.data) return null;
  return (
    <ContactModal
      memberId={memberId}
      people={member.data.people ?? []}
      contact={null}
      initialKind="call"
      onClose={onClose}
    />
  );
}

function ChurnTable({ rows }: { rows: ToCall["churnRisk"] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cluster = useCluster();
  const [logging, setLogging] = useState<string | null>(null);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" data-testid="churn-to-call">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("engagement.columns.member")}</Table.Th>
            <Table.Th>{t("contacts.form.person")}</Table.Th>
            <Table.Th>{t("contacts.toCall.lastParticipation")}</Table.Th>
            <Table.Th>{t("contacts.toCall.lastContact")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.member.id}>
              <Table.Td>
                <Anchor component={Link} to={cluster.path(`members/${row.member.id}?tab=contacts`)} size="sm" fw={600}>
                  {row.member.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[row.town, row.joinedOn && t("contacts.toCall.memberSince", { date: format.date(row.joinedOn) })]
                    .filter(Boolean)
                    .join(" · ")}
                </Text>
              </Table.Td>
              <Table.Td>
                {row.mainContact ? (
                  <>
                    <Text size="sm">{row.mainContact.name}</Text>
                    {row.mainContact.phone && (
                      <Anchor
                        href={`tel:${row.mainContact.phone.replace(/\s/g, "")}`}
                        size="xs"
                        style={{ whiteSpace: "nowrap" }}
                      >
                        <Group gap={4} wrap="nowrap">
                          <IconPhone size={12} />
                          {row.mainContact.phone}
                        </Group>
                      </Anchor>
                    )}
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {row.lastParticipationAt ? format.date(row.lastParticipationAt) : t("contacts.toCall.never")}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.lastContactAt ? format.date(row.lastContactAt) : t("contacts.toCall.never")}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPhoneCall size={14} />}
                  onClick={() => setLogging(row.member.id)}
                >
                  {t("contacts.toCall.logContact")}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {logging && <LogContact memberId={logging} onClose={() => setLogging(null)} />}
    </Table.ScrollContainer>
  );
}

/** The staff's call list: overdue and upcoming follow-ups, then silent members nobody has contacted. */
export default function ToCallPage() {
  const { t } = useTranslation();
  const cluster = useCluster();
  const [params, setParams] = useSearchParams();
  const soonDays = HORIZONS.includes(Number(params.get("days"))) ? Number(params.get("days")) : 14;
  const assignee = params.get("mine") === "1" ? "me" : "all";
  const list = useToCall({ soonDays, assignee });
  const update = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t("contacts.title")}
        subtitle={t("contacts.subtitle")}
        actions={
          <Group gap="md">
            <Switch
              label={t("contacts.toCall.mineOnly")}
              checked={assignee === "me"}
              onChange={(e) => update("mine", e.currentTarget.checked ? "1" : null)}
              data-testid="to-call-mine"
            />
            <SegmentedControl
              size="xs"
              aria-label={t("contacts.toCall.horizon")}
              value={String(soonDays)}
              onChange={(v) => update("days", v)}
              data={HORIZONS.map((d) => ({ value: String(d), label: t("contacts.toCall.horizonDays", { count: d }) }))}
            />
          </Group>
        }
      />
      {list.isError ? (
        <ErrorDisplay error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Section
                title={
                  <Group gap="xs">
                    {t("contacts.toCall.overdue")}
                    {list.data && list.data.overdue.length > 0 && (
                      <Badge color="red" size="sm">
                        {list.data.overdue.length}
                      </Badge>
                    )}
                  </Group>
                }
                testId="to-call-overdue"
              >
                {list.isPending ? (
                  <Skeleton h={80} />
                ) : list.data.overdue.length ? (
                  <FollowUpList items={list.data.overdue} showMember />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("contacts.toCall.noneOverdue")}
                  </Text>
                )}
              </Section>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Section title={t("contacts.toCall.dueSoon", { count: soonDays })} testId="to-call-soon">
                {list.isPending ? (
                  <Skeleton h={80} />
                ) : list.data.dueSoon.length ? (
                  <FollowUpList items={list.data.dueSoon} showMember />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("contacts.toCall.noneSoon")}
                  </Text>
                )}
              </Section>
            </Grid.Col>
          </Grid>
          <Section
            title={t("contacts.toCall.churn", { count: list.data?.churnMonths ?? 6 })}
            testId="to-call-churn"
            action={
              <Anchor component={Link} to={cluster.path("engagement?tab=churn")} size="xs">
                {t("contacts.toCall.settings", { count: list.data?.churnMonths ?? 6 })}
              </Anchor>
            }
          >
            <Text size="xs" c="dimmed" mb="sm">
              {t("contacts.toCall.churnHelp", { count: list.data?.churnMonths ?? 6 })}
            </Text>
            {list.isPending ? (
              <Skeleton h={120} />
            ) : list.data.churnRisk.length ? (
              <ChurnTable rows={list.data.churnRisk} />
            ) : (
              <Empty title={t("contacts.toCall.noneChurn")} />
            )}
          </Section>
        </>
      )}
    </Stack>
  );
}
