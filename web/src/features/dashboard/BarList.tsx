import { Box, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../lib/format";

interface Item {
  key: string;
  label: string;
  count: number;
  to: string;
}

/** Horizontal bars with counts, each a link to the matching directory view. */
export function BarList({ items, loading }: { items: Item[]; loading: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (loading) return <Skeleton h={140} />;
  if (!items.length) {
    return (
      <Text size="sm" c="dimmed">
        {t("dashboard.noData")}
      </Text>
    );
  }
  const max = Math.max(...items.map((i) => i.count), 1);
  return (
    <Stack gap={6}>
      {items.map((item) => (
        <Box
          key={item.key}
          component={Link}
          to={item.to}
          style={{ textDecoration: "none", color: "inherit", position: "relative", display: "block" }}
        >
          <Box
            pos="absolute"
            top={0}
            left={0}
            bottom={0}
            w={`${(item.count / max) * 100}%`}
            bg="violet.0"
            style={{ borderRadius: 4 }}
          />
          <Group justify="space-between" pos="relative" px={8} py={4} wrap="nowrap">
            <Text size="sm" truncate>
              {item.label}
            </Text>
            <Text size="sm" fw={600} style={{ fontVariantNumeric: "tabular-nums" }}>
              {format.number(item.count)}
            </Text>
          </Group>
        </Box>
      ))}
    </Stack>
  );
}
