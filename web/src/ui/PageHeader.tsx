import { Box, Group, Text, Title } from "@mantine/core";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  titleTestId?: string;
  before?: ReactNode;
}

export function PageHeader({ title, subtitle, actions, titleTestId, before }: Props) {
  const { t } = useTranslation();
  const app = t("app.name");
  useEffect(() => {
    if (typeof title !== "string") return;
    document.title = `${title} · ${app}`;
    return () => {
      document.title = app;
    };
  }, [title, app]);
  return (
    <Box mb="lg">
      {before}
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Box miw={0} style={{ flex: 1 }}>
          <Title order={1} fz={22} fw={650} lts={-0.2} data-testid={titleTestId}>
            {title}
          </Title>
          {subtitle && (
            <Text c="dimmed" size="sm" mt={4} component="div">
              {subtitle}
            </Text>
          )}
        </Box>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
    </Box>
  );
}
