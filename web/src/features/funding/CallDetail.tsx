import { Accordion, Anchor, Badge, Button, Group, ScrollArea, Skeleton, Stack, Table, Text } from "@mantine/core";
import { IconExternalLink, IconPencil, IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../lib/format";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { Field, Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import type { CallMember, EligibleMember, FundingCall, IneligibleMember } from "./api";
import { useEligibility } from "./api";
import { CallFormModal } from "./CallFormModal";
import { NotifyModal } from "./NotifyModal";

type Row = CallMember & Partial<Pick<EligibleMember, "contact" | "notifiedAt"> & Pick<IneligibleMember, "reasons">>;

function MemberRows({ members, reasons }: { members: Row[]; reasons?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cluster = useCluster();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped data-testid={reasons ? "ineligible-table" : "eligible-table"}>
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr key={m.id} data-testid={reasons ? "ineligible-row" : "eligible-row"}>
              <Table.Td>
                <Anchor component={Link} to={cluster.path(`members/${m.id}`)} size="sm" fw={500}>
                  {m.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[m.town, m.sizeClass && t(`enums.sizeClass.${m.sizeClass}` as never), m.nafCode]
                    .filter(Boolean)
                    .join(" · ")}
                </Text>
              </Table.Td>
              <Table.Td>
                {reasons ? (
                  <Group gap={4}>
                    {m.reasons?.map((r) => (
                      <Badge key={r} size="xs" color="gray" variant="light">
                        {t(`funding.eligible.reasons.${r}` as never)}
                      </Badge>
                    ))}
                  </Group>
                ) : m.notifiedAt ? (
                  <Text size="xs" c="teal">
                    {t("funding.eligible.notifiedOn", { date: format.date(m.notifiedAt) })}
                  </Text>
                ) : !m.contact ? (
                  <Text size="xs" c="orange">
                    {t("funding.eligible.noEmail")}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One call: its criteria, the members it fits (and why others do not), and telling them. */
export function CallDetail({ call }: { call: FundingCall }) {
  const { t } = useTranslation();
  const format = useFormat();
  const eligibility = useEligibility(call.id);
  const [editing, setEditing] = useState(false);
  const [notifying, setNotifying] = useState(false);
  const closed = call.state === "closed";
  const any = t("funding.calls.any");
  const eligible = eligibility.data?.eligible ?? [];
  const ineligible = eligibility.data?.ineligible ?? [];
  // Those the notice would reach now: not told yet, with someone to write to.
  const toNotify = eligible.filter((m) => !m.notifiedAt && m.contact).length;
  return (
    <Stack gap="md" data-testid="call-detail">
      <Section
        title={call.title}
        action={
          <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
            {t("common.edit")}
          </Button>
        }
      >
        <Stack gap="sm">
          {call.description && <Text size="sm">{call.description}</Text>}
          <Group grow align="flex-start">
            <Field label={t("funding.field.funderName")}>{call.funderName}</Field>
            <Field label={t("funding.field.opensOn")}>{format.date(call.opensOn)}</Field>
            <Field label={t("funding.field.closesOn")}>{format.date(call.closesOn)}</Field>
          </Group>
          <Group grow align="flex-start">
            <Field label={t("funding.field.sizeClasses")}>
              {call.sizeClasses.length ? call.sizeClasses.map((s) => t(`enums.sizeClass.${s}`)).join(", ") : any}
            </Field>
            <Field label={t("funding.field.nafCodes")}>{call.nafCodes.join(", ") || any}</Field>
            <Field label={t("funding.field.departments")}>{call.departments.join(", ") || any}</Field>
          </Group>
          {call.topics.length > 0 && (
            <Group gap={4}>
              {call.topics.map((topic) => (
                <Badge key={topic} variant="light" color="gray">
                  {topic}
                </Badge>
              ))}
            </Group>
          )}
          <Group gap="md">
            {call.url && (
              <Anchor href={call.url} target="_blank" rel="noreferrer" size="sm">
                <Group gap={4}>
                  {t("funding.calls.link")}
                  <IconExternalLink size={14} />
                </Group>
              </Anchor>
            )}
            <Text size="xs" c="dimmed" data-testid="call-notified">
              {call.notifiedAt
                ? t("funding.calls.notified", { count: call.notified, date: format.date(call.notifiedAt) })
                : t("funding.calls.notNotified")}
              {" · "}
              {call.remindedAt
                ? t("funding.calls.reminded", { date: format.date(call.remindedAt) })
                : t("funding.calls.reminderDue", { days: call.reminderDays })}
            </Text>
          </Group>
        </Stack>
      </Section>
      <Section
        title={
          <span data-testid="eligible-count" data-count={eligibility.data ? eligible.length : undefined}>
            {eligibility.data ? t("funding.eligible.title", { count: eligible.length }) : t("common.loading")}
          </span>
        }
        action={
          <Button
            size="xs"
            leftSection={<IconSend size={14} />}
            disabled={closed || toNotify === 0}
            title={closed ? t("funding.eligible.closed") : undefined}
            onClick={() => setNotifying(true)}
            data-testid="call-notify"
          >
            {t("funding.eligible.notify")}
          </Button>
        }
      >
        {eligibility.isError && <ErrorDisplay error={eligibility.error} onRetry={() => eligibility.refetch()} />}
        {eligibility.isPending ? (
          <Skeleton h={120} />
        ) : eligible.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("funding.eligible.none")}
          </Text>
        ) : (
          // A call open to every member lists the whole directory: the list scrolls, the button stays in view.
          <ScrollArea.Autosize mah={480} type="auto">
            <MemberRows members={eligible} />
          </ScrollArea.Autosize>
        )}
        {ineligible.length > 0 && (
          <Accordion variant="contained" mt="md">
            <Accordion.Item value="ineligible">
              <Accordion.Control>
                <Text size="sm">{t("funding.eligible.ineligible", { count: ineligible.length })}</Text>
              </Accordion.Control>
              <Accordion.Panel>
                <MemberRows members={ineligible} reasons />
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        )}
      </Section>
      {editing && <CallFormModal call={call} onClose={() => setEditing(false)} />}
      {notifying && <NotifyModal call={call} count={toNotify} onClose={() => setNotifying(false)} />}
    </Stack>
  );
}
