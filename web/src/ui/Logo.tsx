import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The Grappe mark: three grapes, and the name. */
export function Logo({ size = "md" }: { size?: "md" | "lg" }) {
  const { t } = useTranslation();
  const px = size === "lg" ? 28 : 22;
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={px} height={px} viewBox="0 0 32 32" aria-hidden="true">
        <circle cx="11" cy="11" r="6" fill="var(--mantine-color-violet-7)" />
        <circle cx="21" cy="11" r="6" fill="var(--mantine-color-violet-5)" />
        <circle cx="16" cy="20" r="6" fill="var(--mantine-color-violet-8)" />
      </svg>
      <Text fw={700} fz={size === "lg" ? 22 : 17} lts={-0.3}>
        {t("app.name")}
      </Text>
    </Group>
  );
}
