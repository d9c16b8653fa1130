import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconLock, IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Section } from "../../ui/Section";
import { TimeField } from "../events/fields";
import { applyServerErrors, notifySuccess } from "../members/notify";
import { type DayConfig, type MeetingDay, useMeetingActions } from "./api";
import { gridTimes } from "./shared";

const CONFIGURABLE = ["draft", "requests_open", "requests_closed"];

/** "Fournisseurs" → "fournisseurs": a code from a label, for new categories. */
const codeOf = (label: string) =>
  label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);

const samePair = (p: [string, string], a: string, b: string) =>
  (p[0] === a && p[1] === b) || (p[0] === b && p[1] === a);

interface Values {
  startTime: string;
  slotMinutes: number;
  slotCount: number;
  tables: number | "";
  timeLimitSeconds: number;
  pauses: { label: string; from: string; to: string }[];
  categories: { code: string; label: string }[];
  allowedPairs: [string, string][];
}

/** Staff set the grid of the day: slots, pauses, tables, categories and who may meet whom. */
export function ConfigPanel({ day }: { day: MeetingDay }) {
  const { t } = useTranslation();
  const actions = useMeetingActions(day.eventId);
  const frozen = day.configured && !CONFIGURABLE.includes(day.phase);
  const form = useForm<Values>({
    initialValues: {
      startTime: day.startTime,
      slotMinutes: day.slotMinutes,
      slotCount: day.slotCount,
      tables: day.tables ?? "",
      timeLimitSeconds: day.timeLimitSeconds,
      pauses: day.pauses.map((p) => ({ label: p.label, from: String(p.from), to: String(p.to) })),
      categories: day.categories,
      allowedPairs: day.allowedPairs,
    },
  });
  const values = form.getValues();
  const times = gridTimes(values.startTime, Number(values.slotMinutes), Number(values.slotCount));
  const slotOptions = times.map((time, i) => ({ value: String(i), label: `${time} (n° ${i})` }));
  const paused = (i: number) =>
    values.pauses.find((p) => p.from !== "" && p.to !== "" && Number(p.from) <= i && i <= Number(p.to));
  const codes = values.categories.map((c) => c.code).filter(Boolean);

  const submit = form.onSubmit((v) => {
    const known = new Set(v.categories.map((c) => c.code));
    const config: DayConfig = {
      startTime: v.startTime,
      slotMinutes: Number(v.slotMinutes),
      slotCount: Number(v.slotCount),
      tables: v.tables === "" ? null : Number(v.tables),
      timeLimitSeconds: Number(v.timeLimitSeconds),
      pauses: v.pauses.map((p) => ({ label: p.label.trim(), from: Number(p.from), to: Number(p.to) })),
      categories: v.categories.map((c) => ({ code: c.code.trim(), label: c.label.trim() })),
      // A rule naming a category that was removed meanwhile goes with it.
      allowedPairs: v.allowedPairs.filter(([a, b]) => known.has(a) && known.has(b)),
    };
    actions.configure.mutate(config, {
      onSuccess: () => notifySuccess(t("meetings.config.saved")),
      onError: (error) => applyServerErrors(form, error),
    });
  });

  const togglePair = (a: string, b: string, on: boolean) => {
    const rest = form.getValues().allowedPairs.filter((p) => !samePair(p, a, b));
    form.setFieldValue("allowedPairs", on ? [...rest, [a, b]] : rest);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {frozen && (
          <Alert color="gray" icon={<IconLock size={18} />} data-testid="config-frozen">
            {t("meetings.config.frozen")}
          </Alert>
        )}
        <Fieldset disabled={frozen} variant="unstyled" p={0}>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="md">
                <Section title={t("meetings.config.grid")}>
                  <Grid gap="sm">
                    <Grid.Col span={{ base: 12, sm: 6 }}>
                      <TimeField
                        label={t("meetings.config.startTime")}
                        withAsterisk
                        value={values.startTime}
                        onChange={(v) => form.setFieldValue("startTime", v)}
                        error={form.errors.startTime}
                        testId="config-start"
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 6 }}>
                      <NumberInput
                        label={t("meetings.config.slotMinutes")}
                        min={5}
                        max={120}
                        step={5}
                        allowDecimal={false}
                        {...form.getInputProps("slotMinutes")}
                        data-testid="config-slot-minutes"
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 6 }}>
                      <NumberInput
                        label={t("meetings.config.slotCount")}
                        min={1}
                        max={60}
                        allowDecimal={false}
                        {...form.getInputProps("slotCount")}
                        data-testid="config-slot-count"
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 6 }}>
                      <NumberInput
                        label={t("meetings.config.tables")}
                        description={t("meetings.config.tablesHelp")}
                        min={1}
                        max={2000}
                        allowDecimal={false}
                        {...form.getInputProps("tables")}
                        data-testid="config-tables"
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 6 }}>
                      <NumberInput
                        label={t("meetings.config.timeLimit")}
                        min={1}
                        max={120}
                        allowDecimal={false}
                        {...form.getInputProps("timeLimitSeconds")}
                      />
                    </Grid.Col>
                  </Grid>
                </Section>
                <Section
                  title={t("meetings.config.pauses")}
                  action={
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconPlus size={14} />}
                      onClick={() => form.insertListItem("pauses", { label: "", from: "", to: "" })}
                      data-testid="config-add-pause"
                    >
                      {t("meetings.config.addPause")}
                    </Button>
                  }
                >
                  {values.pauses.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t("meetings.config.noPause")}
                    </Text>
                  ) : (
                    <Stack gap="xs">
                      {values.pauses.map((_, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: form list rows have no identity
                        <Group key={i} gap="xs" align="flex-start" wrap="nowrap" data-testid="config-pause">
                          <TextInput
                            aria-label={t("meetings.config.pauseLabel")}
                            placeholder={t("meetings.config.pausePlaceholder")}
                            style={{ flex: 1 }}
                            {...form.getInputProps(`pauses.${i}.label`)}
                            data-testid="config-pause-label"
                          />
                          <Select
                            aria-label={t("meetings.config.pauseFrom")}
                            placeholder={t("meetings.config.pauseFrom")}
                            w={150}
                            data={slotOptions}
                            allowDeselect={false}
                            {...form.getInputProps(`pauses.${i}.from`)}
                            data-testid="config-pause-from"
                          />
                          <Select
                            aria-label={t("meetings.config.pauseTo")}
                            placeholder={t("meetings.config.pauseTo")}
                            w={150}
                            data={slotOptions}
                            allowDeselect={false}
                            {...form.getInputProps(`pauses.${i}.to`)}
                            data-testid="config-pause-to"
                          />
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            mt={4}
                            aria-label={t("common.delete")}
                            onClick={() => form.removeListItem("pauses", i)}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Group>
                      ))}
                    </Stack>
                  )}
                  {form.errors.pauses && (
                    <Text size="xs" c="red" mt={4}>
                      {form.errors.pauses}
                    </Text>
                  )}
                </Section>
                <Section
                  title={t("meetings.config.categories")}
                  action={
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconPlus size={14} />}
                      onClick={() => form.insertListItem("categories", { code: "", label: "" })}
                      data-testid="config-add-category"
                    >
                      {t("meetings.config.addCategory")}
                    </Button>
                  }
                >
                  <Stack gap="xs">
                    {values.categories.length === 0 && (
                      <Text size="sm" c="dimmed">
                        {t("meetings.config.noCategory")}
                      </Text>
                    )}
                    {values.categories.map((_, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: form list rows have no identity
                      <Group key={i} gap="xs" align="flex-start" wrap="nowrap" data-testid="config-category">
                        <TextInput
                          aria-label={t("meetings.config.categoryLabel")}
                          placeholder={t("meetings.config.categoryLabel")}
                          style={{ flex: 1 }}
                          {...form.getInputProps(`categories.${i}.label`)}
                          onChange={(e) => {
                            const label = e.currentTarget.value;
                            const before = form.getValues().categories[i];
                            form.setFieldValue(`categories.${i}.label`, label);
                            // The code follows the label until staff type their own.
                            if (!before.code || before.code === codeOf(before.label))
                              form.setFieldValue(`categories.${i}.code`, codeOf(label));
                          }}
                        />
                        <TextInput
                          aria-label={t("meetings.config.categoryCode")}
                          placeholder={t("meetings.config.categoryCode")}
                          w={160}
                          {...form.getInputProps(`categories.${i}.code`)}
                        />
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          mt={4}
                          aria-label={t("common.delete")}
                          onClick={() => form.removeListItem("categories", i)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    ))}
                    {form.errors.categories && (
                      <Text size="xs" c="red">
                        {form.errors.categories}
                      </Text>
                    )}
                  </Stack>
                </Section>
                {codes.length > 0 && (
                  <Section title={t("meetings.config.rules")} testId="config-rules">
                    <Text size="xs" c="dimmed" mb="xs">
                      {t("meetings.config.rulesHelp")}
                    </Text>
                    <Table.ScrollContainer minWidth={300}>
                      <Table withTableBorder withColumnBorders>
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th />
                            {values.categories.map((c) => (
                              <Table.Th key={c.code || c.label} ta="center">
                                {c.label || c.code}
                              </Table.Th>
                            ))}
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {values.categories.map((row, i) => (
                            <Table.Tr key={row.code || `new-${i}`}>
                              <Table.Th>{row.label || row.code}</Table.Th>
                              {values.categories.map((col, j) => (
                                <Table.Td key={col.code} ta="center">
                                  {j >= i && row.code && col.code ? (
                                    <Checkbox
                                      aria-label={`${row.label} – ${col.label}`}
                                      checked={values.allowedPairs.some((p) => samePair(p, row.code, col.code))}
                                      onChange={(e) => togglePair(row.code, col.code, e.currentTarget.checked)}
                                      style={{ display: "inline-block" }}
                                      data-testid={`rule-${row.code}-${col.code}`}
                                    />
                                  ) : null}
                                </Table.Td>
                              ))}
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.ScrollContainer>
                  </Section>
                )}
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="md">
                <Section title={t("meetings.config.slotsPreview")} testId="config-preview">
                  <Stack gap={4}>
                    {times.map((time, i) => {
                      const pause = paused(i);
                      return (
                        <Group key={time + String(i)} gap="xs" wrap="nowrap">
                          <Text size="sm" ff="monospace" w={50}>
                            {time}
                          </Text>
                          {pause ? (
                            <Badge color="yellow" variant="light">
                              {pause.label || t("meetings.config.pauses")}
                            </Badge>
                          ) : (
                            <Text size="xs" c="dimmed">
                              {t("meetings.config.slotN", { n: i })}
                            </Text>
                          )}
                        </Group>
                      );
                    })}
                  </Stack>
                </Section>
                <Text size="xs" c="dimmed">
                  {t("meetings.config.weights", {
                    p1: day.priorityWeights["1"],
                    p2: day.priorityWeights["2"],
                    p3: day.priorityWeights["3"],
                    forced: day.priorityWeights.forced,
                  })}
                </Text>
              </Stack>
            </Grid.Col>
          </Grid>
        </Fieldset>
        {!frozen && (
          <Group justify="flex-end">
            <Button type="submit" loading={actions.configure.isPending} data-testid="config-save">
              {t("meetings.config.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
