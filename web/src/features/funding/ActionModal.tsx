import { Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { EVENT_KINDS } from "../events/types";
import { applyServerErrors, notifySuccess } from "../members/notify";
import { useProgrammes } from "../programmes/api";
import { programmeName } from "../programmes/names";
import { type GrantAction, INDICATORS, type Indicator, type IndicatorFilter, useFundingMutations } from "./api";

const EVENT_INDICATORS: Indicator[] = ["events_held", "event_attendance"];

/** A funded action and its target: what is counted (an indicator, narrowed by programme or event kind) and how many. */
export function ActionModal({
  grantId,
  action,
  onClose,
}: {
  grantId: string;
  action?: GrantAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutations = useFundingMutations();
  const programmes = useProgrammes();
  const form = useForm({
    initialValues: {
      title: action?.title ?? "",
      indicator: (action?.indicator ?? "programme_members") as Indicator,
      programmeId: action?.filter.programmeId ?? (null as string | null),
      eventKinds: action?.filter.eventKinds ?? [],
      titleContains: action?.filter.titleContains ?? "",
      target: action?.target ?? ("" as number | string),
    },
    validate: {
      title: (v) => (v.trim().length >= 2 ? null : t("funding.field.required")),
      target: (v) => (v === "" || Number(v) < 0 ? t("funding.field.required") : null),
    },
  });
  const indicator = form.values.indicator;
  const submit = form.onSubmit((values) => {
    // Only the narrowing that the indicator reads is sent.
    const filter: IndicatorFilter = {};
    if (values.indicator === "programme_members" && values.programmeId) filter.programmeId = values.programmeId;
    if (EVENT_INDICATORS.includes(values.indicator)) {
      if (values.eventKinds.length) filter.eventKinds = values.eventKinds;
      if (values.titleContains.trim()) filter.titleContains = values.titleContains.trim();
    }
    const input = { title: values.title.trim(), indicator: values.indicator, filter, target: Number(values.target) };
    const done = {
      onSuccess: () => {
        notifySuccess(t("funding.actions.saved"));
        onClose();
      },
      onError: (error: unknown) => applyServerErrors(form, error, { "filter.programmeId": "programmeId" }),
    };
    if (action) mutations.updateAction.mutate({ id: action.id, patch: input }, done);
    else mutations.addAction.mutate({ grantId, input }, done);
  });
  return (
    <Modal opened onClose={onClose} title={t("funding.actions.addTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("funding.actions.label")}
            placeholder={t("funding.actions.labelPlaceholder")}
            withAsterisk
            {...form.getInputProps("title")}
            data-testid="action-title"
          />
          <Select
            label={t("funding.actions.indicator")}
            data={INDICATORS.map((i) => ({ value: i, label: t(`funding.indicator.${i}`) }))}
            allowDeselect={false}
            {...form.getInputProps("indicator")}
            data-testid="action-indicator"
          />
          {indicator === "programme_members" && (
            <Select
              label={t("funding.actions.programme")}
              data={(programmes.data ?? []).map((p) => ({ value: p.id, label: programmeName(p, t) }))}
              clearable
              {...form.getInputProps("programmeId")}
              data-testid="action-programme"
            />
          )}
          {EVENT_INDICATORS.includes(indicator) && (
            <Group grow align="flex-start">
              <MultiSelect
                label={t("funding.actions.eventKinds")}
                data={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
                {...form.getInputProps("eventKinds")}
              />
              <TextInput label={t("funding.actions.titleContains")} {...form.getInputProps("titleContains")} />
            </Group>
          )}
          <NumberInput
            label={t("funding.actions.target")}
            min={0}
            allowDecimal={false}
            withAsterisk
            {...form.getInputProps("target")}
            data-testid="action-target"
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              loading={mutations.addAction.isPending || mutations.updateAction.isPending}
              data-testid="action-save"
            >
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
