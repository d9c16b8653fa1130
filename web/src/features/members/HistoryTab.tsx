import { Anchor, Badge, Group, Skeleton, Stack, Text, Timeline } from "@mantine/core";
import { IconArrowRight, IconEraser, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { HistoryEntry } from "../../api/types";
import { translateDynamic } from "../../i18n";
import { type Format, useFormat } from "../../lib/format";
import { Empty } from "../../ui/Empty";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { useTrades } from "../reference/api";
import { useMemberHistory } from "./api";

const ENUMS: Record<string, string> = { status: "enums.status", sizeClass: "enums.sizeClass", kind: "enums.kind" };
const VISIBILITY_GROUPS = new Set(["profile", "contact", "figures", "equipment"]);

const icons: Record<string, React.ReactNode> = {
  create: <IconPlus size={12} />,
  update: <IconPencil size={12} />,
  delete: <IconTrash size={12} />,
  erase: <IconEraser size={12} />,
};

interface Context {
  format: Format;
  yes: string;
  no: string;
  trades: Map<string, string>;
}

/** A value of one field as a person reads it: labels for codes, local dates and numbers. */
function showField(field: string, value: unknown, ctx: Context): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string" && ENUMS[field]) return translateDynamic(`${ENUMS[field]}.${value}`, value);
  if (field === "trades" && Array.isArray(value)) {
    return value.length ? value.map((code) => ctx.trades.get(String(code)) ?? String(code)).join(", ") : "—";
  }
  if (field === "turnoverEur" && typeof value === "number") return ctx.format.euros(value);
  if (field === "sponsor" && typeof value === "object" && !Array.isArray(value)) {
    const sponsor = value as { id?: unknown; name?: unknown };
    return typeof sponsor.name === "string" ? sponsor.name : translateDynamic("history.deletedMember", "—");
  }
  if (field === "visibility" && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>)
      .map(([group, level]) => `${fieldLabel(group)} : ${translateDynamic(`enums.visibility.${level}`, String(level))}`)
      .join(" · ");
  }
  if (VISIBILITY_GROUPS.has(field) && typeof value === "string")
    return translateDynamic(`enums.visibility.${value}`, value);
  return show(value, ctx.format, ctx.yes, ctx.no);
}

/** A before/after value as a person reads it. */
function show(value: unknown, format: Format, yes: string, no: string): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? yes : no;
  if (typeof value === "number") return format.decimal(value);
  if (Array.isArray(value)) return value.length ? value.map((v) => show(v, format, yes, no)).join(", ") : "—";
  if (typeof value === "string") return /^\d{4}-\d{2}-\d{2}$/.test(value) ? format.date(value) : value;
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if ("amountCents" in record) {
      const amount = format.cents(Number(record.amountCents));
      return record.paidOn ? `${amount} (${format.date(String(record.paidOn))})` : amount;
    }
    return Object.entries(record)
      .map(([k, v]) => `${fieldLabel(k)} : ${show(v, format, yes, no)}`)
      .join(" · ");
  }
  return String(value);
}

/** The label of a field, in the reader's language; dues name their year. */
function fieldLabel(field: string, year?: number): string {
  if (field === "dues" && year !== undefined) return translateDynamic("history.duesOf", field, { year });
  return translateDynamic(`history.fields.${field}`, field);
}

function Entry({ entry, ctx }: { entry: HistoryEntry; ctx: Context }) {
  const { t } = useTranslation();
  const changes = entry.changes ?? [];
  // A creation lists every initial value: folded by default.
  const [open, setOpen] = useState(entry.action !== "create");
  const what = translateDynamic(
    `history.events.${entry.entityType}.${entry.action}`,
    `${entry.action} · ${entry.entityType}`,
  );
  return (
    <div data-testid="history-entry">
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600}>
          {entry.actor}
        </Text>
        <Text size="sm">{what}</Text>
      </Group>
      <Text size="xs" c="dimmed" mb={changes.length ? 6 : 0}>
        {ctx.format.dateTime(entry.at)}
      </Text>
      {changes.length > 0 && !open && (
        <Anchor component="button" type="button" size="xs" onClick={() => setOpen(true)}>
          {t("history.showValues", { count: changes.length })}
        </Anchor>
      )}
      {changes.length > 0 && open && (
        <Stack gap={4}>
          {changes.map(({ field, year, before, after }) => (
            <Group key={`${field}${year ?? ""}`} gap={6} wrap="wrap" align="baseline">
              <Badge color="gray" variant="light" size="sm" fw={500} data-testid="history-field">
                {fieldLabel(field, year)}
              </Badge>
              {before !== null && before !== undefined && (
                <>
                  <Text size="xs" c="dimmed" td="line-through">
                    {showField(field, before, ctx)}
                  </Text>
                  <IconArrowRight size={12} color="var(--mantine-color-gray-5)" aria-label={t("history.becomes")} />
                </>
              )}
              <Text size="xs" style={{ overflowWrap: "anywhere" }}>
                {showField(field, after, ctx)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </div>
  );
}

export function HistoryTab({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const trades = useTrades();
  const history = useMemberHistory(memberId, true);
  const ctx: Context = {
    format,
    yes: t("common.yes"),
    no: t("common.no"),
    trades: new Map(trades.options.map((o) => [o.value, o.label])),
  };
  if (history.isPending) {
    return (
      <Stack gap="md" aria-hidden>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} h={42} />
        ))}
      </Stack>
    );
  }
  if (history.isError) return <ErrorDisplay error={history.error} onRetry={() => history.refetch()} />;
  if (!history.data.length) return <Empty title={t("history.empty")} />;
  return (
    <Timeline bulletSize={22} lineWidth={1} data-testid="history">
      {history.data.map((entry) => (
        <Timeline.Item key={entry.id} bullet={icons[entry.action] ?? <IconPencil size={12} />}>
          <Entry entry={entry} ctx={ctx} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
