import { Alert, Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { IconBulb } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCluster } from "../auth/cluster";
import type { SimilarNeed } from "./api";

/** Needs like the one being typed, each a link to say "me too" there instead. */
export function SimilarSuggestions({ similar }: { similar: SimilarNeed[] }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  if (!similar.length) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconBulb size={18} />}
      title={t("needs.post.similarTitle")}
      data-testid="similar-needs"
    >
      <Text size="xs" mb={6}>
        {t("needs.post.similarHelp")}
      </Text>
      <Stack gap={4}>
        {similar.map((need) => (
          <Group key={need.id} gap="xs" wrap="nowrap" data-testid="similar-need">
            <Anchor component={Link} to={cluster.path(`needs/${need.id}`)} size="sm" truncate>
              {need.title}
            </Anchor>
            <Badge size="xs" variant="light">
              {t("needs.companies", { count: need.companyCount })}
            </Badge>
            {need.status !== "open" && (
              <Badge size="xs" variant="light" color="teal">
                {t(`needs.status.${need.status}`)}
              </Badge>
            )}
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
