import { Button, Menu, Text } from "@mantine/core";
import { IconCheck, IconSelector } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCluster } from "../features/auth/cluster";

/** The cluster's name; a menu to change cluster when the user belongs to several. */
export function ClusterSwitcher() {
  const { t } = useTranslation();
  const cluster = useCluster();
  const navigate = useNavigate();
  const clusters = cluster.me.clusters;
  if (clusters.length < 2) {
    return (
      <Text size="sm" fw={500} truncate data-testid="cluster-name">
        {cluster.name}
      </Text>
    );
  }
  return (
    <Menu position="bottom-start" width={260}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          rightSection={<IconSelector size={14} />}
          aria-label={t("nav.switchCluster")}
          data-testid="cluster-name"
        >
          {cluster.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("nav.clusters")}</Menu.Label>
        {clusters.map((c) => (
          <Menu.Item
            key={c.slug}
            onClick={() => navigate(`/c/${encodeURIComponent(c.slug)}`)}
            rightSection={c.slug === cluster.slug ? <IconCheck size={14} /> : null}
          >
            {c.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
