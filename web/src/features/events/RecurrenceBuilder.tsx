import {
  Badge,
  Chip,
  Code,
  Group,
  Input,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { IconBeach } from "@tabler/icons-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { todayKey, useEventDates } from "./dates";
import type { EventFormValues } from "./eventFormModel";
import { DayField } from "./fields";
import {
  NTHS,
  type PreviewDate,
  previewDates,
  type RecurrenceMode,
  ruleProblem,
  toRrule,
  WEEKDAYS,
  weekdayOf,
} from "./recurrence";

type Form = UseFormReturnType<EventFormValues>;

type PreviewState = { dates: PreviewDate[] | null; slow: boolean };

/**
 * A typed rule is expanded in a worker and given up after 1.5 s: rrule.js can spend many seconds
 * looking for a date that never comes (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30).
 */
function useWorkerPreview(rule: string | null, date: string, time: string, enabled: boolean): PreviewState {
  const [state, setState] = useState<PreviewState>({ dates: null, slow: false });
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const [request] = useDebouncedValue(JSON.stringify([rule, date, time]), 300);
  useEffect(() => {
    if (!enabled) return;
    const [r, d, tm] = JSON.parse(request) as [string | null, string, string];
    if (!r || ruleProblem(r)) {
      // No rule: the single date; an unreadable one: nothing (its message shows under the input).
      setState({ dates: r ? [] : previewDates(null, d, tm), slow: false });
      return;
    }
    worker.current ??= new Worker(new URL("./preview.worker.ts", import.meta.url), { type: "module" });
    const id = ++seq.current;
    setState({ dates: null, slow: false });
    const timer = setTimeout(() => {
      worker.current?.terminate();
      worker.current = null;
      setState({ dates: [], slow: true });
    }, 1500);
    worker.current.onmessage = (message: MessageEvent<{ id: number; dates: PreviewDate[] }>) => {
      if (message.data.id !== id) return;
      clearTimeout(timer);
      setState({ dates: message.data.dates, slow: false });
    };
    worker.current.postMessage({ id, rule: r, date: d, time: tm, today: todayKey() });
    return () => clearTimeout(timer);
  }, [request, enabled]);
  useEffect(() => () => worker.current?.terminate(), []);
  return state;
}

function Preview({ values }: { values: EventFormValues }) {
  const { t } = useTranslation();
  const dates = useEventDates();
  const rule = toRrule(values.recurrence);
  const custom = values.recurrence.mode === "custom";
  // The builder's own rules always match soon: computed at once, as the user clicks.
  const direct = useMemo(
    () => (custom ? [] : previewDates(rule, values.date, values.time)),
    [custom, rule, values.date, values.time],
  );
  const typed = useWorkerPreview(rule, values.date, values.time, custom);
  const list = custom ? (typed.dates ?? []) : direct;
  const pending = custom && typed.dates === null;
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)" data-testid="recurrence-preview">
      <Group justify="space-between" mb={6}>
        <Text size="xs" fw={600}>
          {t("events.recurrence.preview")}
        </Text>
        <Text size="10px" c="dimmed">
          {t("events.recurrence.previewHelp")}
        </Text>
      </Group>
      {pending ? (
        <Skeleton h={40} />
      ) : list.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="recurrence-preview-empty">
          {!values.date
            ? t("events.form.validation.dateRequired")
            : typed.slow && custom
              ? t("events.recurrence.previewSlow")
              : t("events.recurrence.previewEmpty")}
        </Text>
      ) : (
        <Stack gap={2}>
          {list.map((item) => (
            <Group key={item.date} gap={8} wrap="nowrap" data-testid="recurrence-preview-date" data-date={item.date}>
              <Text size="sm" w={200} tt="capitalize" style={{ fontVariantNumeric: "tabular-nums" }}>
                {dates.dayKey(item.date)}
              </Text>
              <Text size="sm" c="dimmed" style={{ fontVariantNumeric: "tabular-nums" }}>
                {item.time}
              </Text>
              {item.holiday && (
                <Badge
                  color="orange"
                  size="sm"
                  leftSection={<IconBeach size={12} />}
                  data-testid="recurrence-preview-holiday"
                >
                  {t(`events.holidays.${item.holiday}`)}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** None / weekly on … / monthly on the Nth weekday / custom RRULE, with the end and a live preview. */
export function RecurrenceBuilder({ form }: { form: Form }) {
  const { t } = useTranslation();
  const values = form.getValues();
  const model = values.recurrence;
  const weekdayLabel = (d: (typeof WEEKDAYS)[number]) => t(`events.recurrence.weekdays.${d}`);
  const setMode = (mode: RecurrenceMode) => {
    // Start from the event's own day: "every Thursday" / "the 1st Thursday" for a Thursday the 4th.
    if (values.date && (mode === "weekly" || mode === "monthly") && model.mode === "none") {
      const { weekday, nth } = weekdayOf(values.date);
      form.setFieldValue("recurrence", { ...model, mode, weekday, nth, weekdays: [weekday] });
    } else if (mode === "custom" && !model.custom) {
      form.setFieldValue("recurrence", { ...model, mode, custom: toRrule(model) ?? "FREQ=MONTHLY;BYDAY=1TH" });
    } else form.setFieldValue("recurrence.mode", mode);
  };
  const serverError = form.errors["recurrence.custom"];
  const repeating = model.mode === "weekly" || model.mode === "monthly";

  return (
    <Stack gap="sm" data-testid="recurrence-builder">
      <Input.Wrapper label={t("events.recurrence.label")}>
        <div>
          <SegmentedControl
            mt={4}
            value={model.mode}
            onChange={(mode) => setMode(mode as RecurrenceMode)}
            data={(["none", "weekly", "monthly", "custom"] as const).map((mode) => ({
              value: mode,
              label: t(`events.recurrence.${mode}`),
            }))}
            data-testid="recurrence-mode"
          />
        </div>
      </Input.Wrapper>
      {model.mode === "weekly" && (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NumberInput
            label={t("events.recurrence.every")}
            w={90}
            min={1}
            max={52}
            allowDecimal={false}
            {...form.getInputProps("recurrence.interval")}
            rightSection={<span />}
          />
          <Text size="sm" pb={8}>
            {t("events.recurrence.weeks")}
          </Text>
          <Input.Wrapper error={form.errors["recurrence.weekdays"]}>
            <Chip.Group
              multiple
              value={model.weekdays}
              onChange={(days) => form.setFieldValue("recurrence.weekdays", days as typeof model.weekdays)}
            >
              <Group gap={4} pb={4} data-testid="recurrence-weekdays">
                {WEEKDAYS.map((day) => (
                  <Chip key={day} value={day} size="xs" aria-label={weekdayLabel(day)} title={weekdayLabel(day)}>
                    {weekdayLabel(day).slice(0, 3)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Input.Wrapper>
        </Group>
      )}
      {model.mode === "monthly" && (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NumberInput
            label={t("events.recurrence.every")}
            w={90}
            min={1}
            max={24}
            allowDecimal={false}
            {...form.getInputProps("recurrence.interval")}
            rightSection={<span />}
          />
          <Text size="sm" pb={8}>
            {t("events.recurrence.months")}, {t("events.recurrence.on")}
          </Text>
          <Select
            w={110}
            aria-label={t("events.recurrence.on")}
            data={NTHS.map((n) => ({ value: n, label: t(`events.recurrence.nth.${n}`) }))}
            {...form.getInputProps("recurrence.nth")}
            data-testid="recurrence-nth"
          />
          <Select
            w={140}
            aria-label={t("events.form.fields.date")}
            data={WEEKDAYS.map((d) => ({ value: d, label: weekdayLabel(d) }))}
            {...form.getInputProps("recurrence.weekday")}
            data-testid="recurrence-weekday"
          />
        </Group>
      )}
      {model.mode === "custom" && (
        <TextInput
          label="RRULE"
          description={t("events.recurrence.customHelp")}
          ff="monospace"
          {...form.getInputProps("recurrence.custom")}
          wrapperProps={{ "data-testid": "recurrence-custom" }}
        />
      )}
      {repeating && (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            w={140}
            label={t("events.recurrence.end")}
            data={[
              { value: "never", label: t("events.recurrence.endNever") },
              { value: "count", label: t("events.recurrence.endCount") },
              { value: "until", label: t("events.recurrence.endUntil") },
            ]}
            {...form.getInputProps("recurrence.end")}
            data-testid="recurrence-end"
          />
          {model.end === "count" && (
            <>
              <NumberInput
                w={90}
                aria-label={t("events.recurrence.endCountSuffix")}
                min={1}
                max={500}
                allowDecimal={false}
                {...form.getInputProps("recurrence.count")}
                data-testid="recurrence-count"
              />
              <Text size="sm" pb={8}>
                {t("events.recurrence.endCountSuffix")}
              </Text>
            </>
          )}
          {model.end === "until" && (
            <DayField
              w={160}
              aria-label={t("events.recurrence.endUntil")}
              value={model.until}
              onChange={(v) => form.setFieldValue("recurrence.until", v)}
              error={form.errors["recurrence.until"]}
              testId="recurrence-until"
            />
          )}
        </Group>
      )}
      {repeating && (
        <Text size="xs" c="dimmed">
          {t("events.recurrence.rule", { rule: "" })}
          <Code>{toRrule(model)}</Code>
        </Text>
      )}
      {serverError && model.mode !== "custom" && (
        <Text size="xs" c="red" role="alert">
          {serverError}
        </Text>
      )}
      <Preview values={values} />
    </Stack>
  );
}
