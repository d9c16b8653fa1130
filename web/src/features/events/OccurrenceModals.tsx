import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { applyServerErrors, notifyError, notifySuccess } from "../members/notify";
import { useCancelSeries, useEvent, useOccurrenceMutations } from "./api";
import { parisParts, parisWallToIso } from "./dates";
import { ConfirmModal, DayField, TimeField } from "./fields";
import type { OccurrenceDetail } from "./types";

const minutesBetween = (from: string, to: string) =>
  Math.round((new Date(to).getTime() - new Date(from).getTime()) / 60_000);

export function MoveModal({ occurrence, onClose }: { occurrence: OccurrenceDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { update } = useOccurrenceMutations(occurrence.id);
  const start = parisParts(occurrence.startsAt);
  const form = useForm({
    initialValues: {
      date: start.date,
      time: start.time,
      durationMinutes: minutesBetween(occurrence.startsAt, occurrence.endsAt) as number | string,
    },
    validate: {
      date: (v) => (v ? null : t("events.form.validation.dateRequired")),
      time: (v) => (/^\d{2}:\d{2}$/.test(v) ? null : t("events.form.validation.timeRequired")),
      durationMinutes: (v) =>
        Number(v) >= 5 && Number(v) <= 1440 && Number.isInteger(Number(v))
          ? null
          : t("events.form.validation.duration"),
    },
  });
  const submit = form.onSubmit((values) =>
    update.mutate(
      { startsAt: parisWallToIso(values.date, values.time), durationMinutes: Number(values.durationMinutes) },
      {
        onSuccess: () => {
          notifySuccess(t("events.move.done"));
          onClose();
        },
        onError: (error) => applyServerErrors(form, error, { startsAt: "date" }),
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>{t("events.move.title")}</Text>} data-testid="move-modal">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("events.move.help")}
          </Text>
          <SimpleGrid cols={2} spacing="sm">
            <DayField
              label={t("events.move.date")}
              withAsterisk
              value={form.getValues().date}
              onChange={(v) => form.setFieldValue("date", v)}
              error={form.errors.date}
              testId="move-date"
            />
            <TimeField
              label={t("events.move.time")}
              withAsterisk
              {...form.getInputProps("time")}
              value={form.getValues().time}
              onChange={(v) => form.setFieldValue("time", v)}
              testId="move-time"
            />
          </SimpleGrid>
          <NumberInput
            label={t("events.move.duration")}
            min={5}
            max={1440}
            step={15}
            allowDecimal={false}
            {...form.getInputProps("durationMinutes")}
            data-testid="move-duration"
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="move-submit">
              {t("events.move.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function CancelOccurrenceModal({ occurrence, onClose }: { occurrence: OccurrenceDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { cancel } = useOccurrenceMutations(occurrence.id);
  const people = occurrence.confirmed + occurrence.waiting;
  return (
    <ConfirmModal
      title={t("events.cancel.occurrenceTitle")}
      confirmLabel={t("events.cancel.submitOccurrence")}
      cancelLabel={t("events.cancel.keep")}
      danger
      withReason
      loading={cancel.isPending}
      onClose={onClose}
      testId="cancel-occurrence-modal"
      onConfirm={(reason) =>
        cancel.mutate(reason, {
          onSuccess: () => {
            notifySuccess(t("events.cancel.doneOccurrence"));
            onClose();
          },
          onError: notifyError,
        })
      }
    >
      <Text size="sm">{t("events.cancel.occurrenceHelp")}</Text>
      {people > 0 && (
        <Text size="sm" fw={500} mt={6}>
          {t("events.cancel.notify", { count: people })}
        </Text>
      )}
    </ConfirmModal>
  );
}

export function CancelSeriesModal({ eventId, onClose }: { eventId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelSeries(eventId);
  const event = useEvent(eventId);
  const now = Date.now();
  const upcoming = (event.data?.occurrences ?? []).filter(
    (o) => o.status === "scheduled" && new Date(o.startsAt).getTime() > now,
  );
  const people = upcoming.reduce((sum, o) => sum + o.confirmed + o.waiting, 0);
  return (
    <ConfirmModal
      title={t("events.cancel.seriesTitle")}
      confirmLabel={t("events.cancel.submitSeries")}
      cancelLabel={t("events.cancel.keep")}
      danger
      withReason
      loading={cancel.isPending}
      onClose={onClose}
      testId="cancel-series-modal"
      onConfirm={(reason) =>
        cancel.mutate(reason, {
          onSuccess: () => {
            notifySuccess(t("events.cancel.doneSeries"));
            onClose();
          },
          onError: notifyError,
        })
      }
    >
      {event.data && <Text size="sm">{t("events.cancel.seriesHelp", { count: upcoming.length })}</Text>}
      {people > 0 && (
        <Text size="sm" fw={500} mt={6}>
          {t("events.cancel.notify", { count: people })}
        </Text>
      )}
    </ConfirmModal>
  );
}
