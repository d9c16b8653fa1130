import { Badge, Group, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MembershipStatus, Visibility } from "../../api/types";

const statusColor: Record<MembershipStatus, string> = { member: "teal", prospect: "blue", former: "gray" };

export function StatusBadge({ status }: { status: MembershipStatus | undefined }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Badge color={statusColor[status]} data-testid="status-badge">
      {t(`enums.status.${status}`)}
    </Badge>
  );
}

export function SizeBadge({ sizeClass }: { sizeClass: string | null | undefined }) {
  const { t } = useTranslation();
  if (!sizeClass) return null;
  return (
    <Tooltip label={t(`enums.sizeClassLong.${sizeClass}`, { defaultValue: sizeClass })}>
      <Badge color="gray" variant="outline">
        {t(`enums.sizeClass.${sizeClass}`, { defaultValue: sizeClass })}
      </Badge>
    </Tooltip>
  );
}

const visibilityColor: Record<Visibility, string> = { staff: "gray", members: "blue", public: "teal" };

export function VisibilityBadge({ value }: { value: Visibility }) {
  const { t } = useTranslation();
  return <Badge color={visibilityColor[value]}>{t(`enums.visibility.${value}`)}</Badge>;
}

/** Trades as badges; past `max`, a "+n" badge with the rest in a tooltip. */
export function TradeBadges({ trades, max = 3 }: { trades: { code: string; label: string }[]; max?: number }) {
  if (!trades.length) return null;
  const shown = trades.slice(0, max);
  const rest = trades.slice(max);
  return (
    <Group gap={4} wrap="wrap">
      {shown.map((trade) => (
        <Badge key={trade.code} color="violet" variant="light" fw={500} title={trade.label}>
          {trade.label}
        </Badge>
      ))}
      {rest.length > 0 && (
        <Tooltip label={rest.map((r) => r.label).join(", ")} multiline maw={280}>
          <Badge color="gray" variant="light">
            +{rest.length}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
