import { CloseButton, Group, Select, Text, Tooltip } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../lib/format";
import { CommuneSelect } from "../reference/CommuneSelect";
import { DEFAULT_WITHIN, RADIUS_PRESETS } from "./filters";

interface Props {
  near: string | null;
  within: number | null;
  originName: string | null;
  onChange: (change: { near: string | null; within: number | null }) => void;
}

/** "À moins de [2 h] de [commune]": road-time radius around a commune. */
export function RadiusControl({ near, within, originName, onChange }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const minutes = within ?? DEFAULT_WITHIN;
  const presets = RADIUS_PRESETS.includes(minutes as (typeof RADIUS_PRESETS)[number])
    ? RADIUS_PRESETS
    : [...RADIUS_PRESETS, minutes].sort((a, b) => a - b);
  return (
    <Group gap="xs" wrap="wrap" align="center" data-testid="radius-control">
      <Text size="sm" c="dimmed" component="label" htmlFor="radius-within">
        {t("directory.radius.within")}
      </Text>
      <Select
        id="radius-within"
        size="xs"
        w={100}
        data={presets.map((m) => ({ value: String(m), label: format.duration(m) }))}
        value={String(minutes)}
        onChange={(value) => onChange({ near, within: Number(value) })}
        aria-label={t("directory.radius.time")}
        data-testid="radius-within"
      />
      <Text size="sm" c="dimmed">
        {t("directory.radius.of")}
      </Text>
      <CommuneSelect
        size="xs"
        w={240}
        placeholder={t("directory.radius.communePlaceholder")}
        aria-label={t("directory.radius.commune")}
        value={near}
        selectedLabel={originName}
        onChange={(_commune, insee) => onChange({ near: insee, within: insee ? (within ?? DEFAULT_WITHIN) : null })}
        data-testid="radius-commune"
      />
      {near && (
        <CloseButton
          size="sm"
          aria-label={t("directory.radius.clear")}
          onClick={() => onChange({ near: null, within: null })}
        />
      )}
      {near ? (
        <Text size="xs" c="dimmed" w="100%" data-testid="radius-note">
          {t("directory.radius.note")}
        </Text>
      ) : (
        <Tooltip label={t("directory.radius.note")} multiline w={280} withArrow>
          <IconInfoCircle size={16} color="var(--mantine-color-dimmed)" aria-label={t("directory.radius.note")} />
        </Tooltip>
      )}
    </Group>
  );
}
