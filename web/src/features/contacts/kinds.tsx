import { Badge, ThemeIcon } from "@mantine/core";
import { IconBuildingFactory2, IconMail, IconPhone, IconUsers } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ContactKind } from "./api";

const icons: Record<ContactKind, (size: number) => ReactNode> = {
  call: (size) => <IconPhone size={size} />,
  visit: (size) => <IconBuildingFactory2 size={size} />,
  email: (size) => <IconMail size={size} />,
  meeting: (size) => <IconUsers size={size} />,
};
const colors: Record<ContactKind, string> = { call: "blue", visit: "teal", email: "gray", meeting: "violet" };

export const kindIcon = (kind: ContactKind, size = 12) => icons[kind](size);

export function KindBadge({ kind }: { kind: ContactKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[kind]} variant="light" leftSection={kindIcon(kind)}>
      {t(`contacts.kinds.${kind}`)}
    </Badge>
  );
}

export function KindBullet({ kind }: { kind: ContactKind }) {
  return (
    <ThemeIcon color={colors[kind]} variant="light" radius="xl" size={22}>
      {kindIcon(kind)}
    </ThemeIcon>
  );
}

/** Today in Paris, as YYYY-MM-DD: the day staff live in, whatever the browser's zone. */
export const parisToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
