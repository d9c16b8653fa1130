import { Anchor, Checkbox, Group, Skeleton, Stack, Text, UnstyledButton } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FacetName, FacetValue } from "../../api/types";
import { facetNames } from "../../api/types";
import { useFormat } from "../../lib/format";

const VISIBLE = 7;

interface Props {
  facets: Record<FacetName, FacetValue[]> | undefined;
  selected: Record<FacetName, string[]>;
  onChange: (name: FacetName, values: string[]) => void;
}

/**
 * The API labels size classes, statuses and kinds by their stable code: translated here, in the UI's language.
 * Trades and departments are data and come labelled (trades in the account's language).
 */
function useFacetLabel() {
  const { t } = useTranslation();
  return (name: FacetName, value: FacetValue) => {
    if (name === "sizeClass") return t(`enums.sizeClass.${value.value}`, { defaultValue: value.label });
    if (name === "status") return t(`enums.status.${value.value}`, { defaultValue: value.label });
    if (name === "kind") return t(`enums.kind.${value.value}`, { defaultValue: value.label });
    return value.label;
  };
}

function FacetGroup({
  name,
  values,
  selected,
  onChange,
}: {
  name: FacetName;
  values: FacetValue[];
  selected: string[];
  onChange: (values: string[]) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useFacetLabel();
  const [expanded, setExpanded] = useState(false);
  // Selected values stay listed even when nothing matches them any more.
  const all = [
    ...values,
    ...selected.filter((v) => !values.some((f) => f.value === v)).map((v) => ({ value: v, label: v, count: 0 })),
  ];
  const shown = expanded ? all : all.filter((v, i) => i < VISIBLE || selected.includes(v.value));
  const title = t(`directory.facets.${name}`);
  if (!all.length) return null;
  return (
    <fieldset data-testid={`facet-${name}`} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Text component="legend" size="xs" fw={600} c="dimmed" tt="uppercase" lts={0.4} p={0}>
          {title}
        </Text>
        {selected.length > 0 && (
          <Anchor component="button" type="button" size="xs" onClick={() => onChange([])}>
            {t("directory.clearFacet")}
          </Anchor>
        )}
      </Group>
      <Stack gap={6}>
        {shown.map((value) => (
          <Checkbox
            key={value.value}
            size="xs"
            checked={selected.includes(value.value)}
            onChange={(event) =>
              onChange(
                event.currentTarget.checked ? [...selected, value.value] : selected.filter((v) => v !== value.value),
              )
            }
            label={
              <Group gap={6} wrap="nowrap" justify="space-between" w="100%">
                <Text size="sm" lh={1.3} lineClamp={2}>
                  {label(name, value)}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {format.number(value.count)}
                </Text>
              </Group>
            }
            styles={{ labelWrapper: { flex: 1, minWidth: 0 }, body: { alignItems: "flex-start" } }}
          />
        ))}
      </Stack>
      {all.length > VISIBLE && (
        <UnstyledButton mt={6} fz="xs" c="violet.7" onClick={() => setExpanded((e) => !e)}>
          {expanded ? t("common.showLess") : t("common.showMore", { count: all.length - VISIBLE })}
        </UnstyledButton>
      )}
    </fieldset>
  );
}

export function FacetPanel({ facets, selected, onChange }: Props) {
  if (!facets) {
    return (
      <Stack gap="lg" aria-hidden>
        {[0, 1, 2].map((i) => (
          <Stack key={i} gap={8}>
            <Skeleton h={10} w="40%" />
            <Skeleton h={14} />
            <Skeleton h={14} />
            <Skeleton h={14} w="70%" />
          </Stack>
        ))}
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      {facetNames.map((name) => (
        <FacetGroup
          key={name}
          name={name}
          values={facets[name] ?? []}
          selected={selected[name]}
          onChange={(values) => onChange(name, values)}
        />
      ))}
    </Stack>
  );
}
