import {
  Alert,
  Anchor,
  Badge,
  Box,
  Code,
  Drawer,
  Group,
  Pagination,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  Tooltip,
} from "@mantine/core";
import { IconAlertTriangle, IconMailOff, IconPaperclip } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useFormat } from "../../lib/format";
import { Empty } from "../../ui/Empty";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { Field } from "../../ui/Section";
import { type MailStatus, type OutboxMessage, PAGE_SIZE, useAttachmentUrl, useOutbox, useOutboxMessage } from "./api";

const STATUSES: MailStatus[] = ["pending", "sent", "failed", "held"];
const statusColor: Record<MailStatus, string> = { pending: "blue", sent: "green", failed: "red", held: "gray" };

function StatusBadge({ message }: { message: Pick<OutboxMessage, "status" | "attempts" | "lastError"> }) {
  const { t } = useTranslation();
  const badge = (
    <Badge color={statusColor[message.status]} variant="light" data-testid="outbox-status">
      {t(`outbox.status.${message.status}`)}
    </Badge>
  );
  if (!message.lastError) return badge;
  return (
    <Tooltip label={`${t("outbox.attempts", { count: message.attempts })} — ${message.lastError}`} multiline w={320}>
      {badge}
    </Tooltip>
  );
}

function useKindLabel() {
  const { t, i18n } = useTranslation();
  return (kind: string) =>
    i18n.exists(`outbox.kinds.${kind}`) ? t(`outbox.kinds.${kind}` as "outbox.kinds.reminder") : kind;
}

const sizeText = (bytes: number) => (bytes < 1024 ? `${bytes} o` : `${Math.round(bytes / 102.4) / 10} ko`);

function MessageView({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kindLabel = useKindLabel();
  const message = useOutboxMessage(id);
  const attachmentUrl = useAttachmentUrl();
  const m = message.data;
  return (
    <Drawer
      opened={Boolean(id)}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        <Text fw={600} lineClamp={2}>
          {m?.subject ?? t("outbox.message.title")}
        </Text>
      }
      data-testid="outbox-message"
    >
      {message.isPending ? (
        <Skeleton h={240} />
      ) : message.isError ? (
        <ErrorDisplay error={message.error} onRetry={() => message.refetch()} />
      ) : m ? (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Field label={t("outbox.message.to")}>{m.toName ? `${m.toName} <${m.toAddress}>` : m.toAddress}</Field>
            <Field label={t("outbox.columns.kind")}>{kindLabel(m.kind)}</Field>
            <Field label={t("outbox.message.created")}>{format.dateTime(m.createdAt)}</Field>
            <Field label={t("outbox.message.sent")}>{m.sentAt ? format.dateTime(m.sentAt) : null}</Field>
            <Field label={t("outbox.message.status")}>
              <Group gap="xs">
                <StatusBadge message={{ ...m, lastError: null }} />
                {m.attempts > 0 && (
                  <Text size="xs" c="dimmed">
                    {t("outbox.attempts", { count: m.attempts })}
                  </Text>
                )}
              </Group>
            </Field>
            <Field label={t("outbox.message.attachments")}>
              {m.attachments.length ? (
                <Stack gap={2}>
                  {m.attachments.map((a, index) => (
                    <Anchor
                      // biome-ignore lint/suspicious/noArrayIndexKey: attachments never reorder; the index is their address
                      key={index}
                      href={attachmentUrl(m.id, index)}
                      size="sm"
                      data-testid="outbox-attachment"
                    >
                      <Group gap={4} wrap="nowrap">
                        <IconPaperclip size={14} />
                        {a.filename}
                        <Text span size="xs" c="dimmed">
                          ({sizeText(a.sizeBytes)})
                        </Text>
                      </Group>
                    </Anchor>
                  ))}
                </Stack>
              ) : null}
            </Field>
          </SimpleGrid>
          {m.lastError && (
            <Alert color="red" icon={<IconAlertTriangle size={16} />} title={t("outbox.message.lastError")}>
              <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                {m.lastError}
              </Text>
            </Alert>
          )}
          <Tabs defaultValue={m.html ? "html" : "text"} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="html">{t("outbox.message.html")}</Tabs.Tab>
              <Tabs.Tab value="text">{t("outbox.message.text")}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="html" pt="sm">
              {m.html ? (
                // A sandbox without permissions: the message's HTML runs no script and reaches nothing.
                <Box
                  component="iframe"
                  title={t("outbox.message.html")}
                  sandbox=""
                  srcDoc={m.html}
                  w="100%"
                  h={520}
                  style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 8 }}
                  data-testid="outbox-html"
                />
              ) : (
                <Text size="sm" c="dimmed">
                  {t("outbox.message.noHtml")}
                </Text>
              )}
            </Tabs.Panel>
            <Tabs.Panel value="text" pt="sm">
              <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} data-testid="outbox-text">
                {m.text}
              </Code>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      ) : null}
    </Drawer>
  );
}

export default function OutboxPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const kindLabel = useKindLabel();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get("status")) ?? null;
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [openId, setOpenId] = useState<string | null>(null);
  const outbox = useOutbox(status, page);
  const pages = Math.max(1, Math.ceil((outbox.data?.total ?? 0) / PAGE_SIZE));

  const update = (next: { status?: MailStatus | null; page?: number }) => {
    const search = new URLSearchParams(params);
    const nextStatus = next.status === undefined ? status : next.status;
    if (nextStatus) search.set("status", nextStatus);
    else search.delete("status");
    if (next.page && next.page > 1) search.set("page", String(next.page));
    else search.delete("page");
    setParams(search, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t("outbox.title")}
        subtitle={outbox.data ? t("outbox.total", { count: outbox.data.total }) : t("outbox.subtitle")}
      />
      {outbox.data?.delivery === "held" && (
        <Alert
          color="yellow"
          icon={<IconMailOff size={16} />}
          title={t("outbox.heldTitle")}
          mb="md"
          data-testid="outbox-held"
        >
          {t("outbox.held")}
        </Alert>
      )}
      <SegmentedControl
        mb="md"
        aria-label={t("outbox.filter")}
        value={status ?? "all"}
        onChange={(value) => update({ status: value === "all" ? null : (value as MailStatus), page: 1 })}
        data={[
          { value: "all", label: t("outbox.all") },
          ...STATUSES.map((s) => ({ value: s, label: t(`outbox.status.${s}`) })),
        ]}
        data-testid="outbox-filter"
      />
      {outbox.isPending ? (
        <Skeleton h={240} />
      ) : outbox.isError ? (
        <ErrorDisplay error={outbox.error} onRetry={() => outbox.refetch()} />
      ) : outbox.data.messages.length === 0 ? (
        <Empty title={t("outbox.none")} description={t("outbox.noneHint")} testId="outbox-empty" />
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover data-testid="outbox-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("outbox.columns.date")}</Table.Th>
                  <Table.Th>{t("outbox.columns.to")}</Table.Th>
                  <Table.Th>{t("outbox.columns.subject")}</Table.Th>
                  <Table.Th>{t("outbox.columns.kind")}</Table.Th>
                  <Table.Th>{t("outbox.columns.status")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outbox.data.messages.map((m) => (
                  <Table.Tr
                    key={m.id}
                    onClick={() => setOpenId(m.id)}
                    onKeyDown={(event) => {
                      if (event.key === "Enter" || event.key === " ") {
                        event.preventDefault();
                        setOpenId(m.id);
                      }
                    }}
                    tabIndex={0}
                    style={{ cursor: "pointer" }}
                    data-testid="outbox-row"
                  >
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <Text size="sm">{format.dateTime(m.createdAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {m.toName ?? m.toAddress}
                      </Text>
                      {m.toName && (
                        <Text size="xs" c="dimmed">
                          {m.toAddress}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" lineClamp={2}>
                          {m.subject}
                        </Text>
                        {m.attachments.length > 0 && (
                          <Tooltip label={m.attachments.map((a) => a.filename).join(", ")}>
                            <IconPaperclip size={14} aria-label={m.attachments.map((a) => a.filename).join(", ")} />
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {kindLabel(m.kind)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge message={m} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <Group justify="center" mt="md">
              <Pagination total={pages} value={page} onChange={(next) => update({ page: next })} />
            </Group>
          )}
        </>
      )}
      <MessageView id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
