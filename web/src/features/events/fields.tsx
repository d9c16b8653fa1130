import "@mantine/dates/styles.css";
import "dayjs/locale/en-gb";
import "dayjs/locale/fr";
import { Button, Checkbox, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { DateInput, type DateInputProps, DatesProvider, TimeInput, type TimeInputProps } from "@mantine/dates";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";

const pad = (n: number) => String(n).padStart(2, "0");

/** "3/12/2026", "03.12.26", "2026-12-03" → "2026-12-03"; anything else → null. */
export function parseDay(text: string): string | null {
  const value = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const french = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{2}|\d{4})$/.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (french) {
    [d, m, y] = [Number(french[1]), Number(french[2]), Number(french[3])];
    if (y < 100) y += 2000;
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function DatesLocale({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language.startsWith("en") ? "en-gb" : "fr", firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  );
}

interface DayFieldProps extends Omit<DateInputProps, "value" | "onChange"> {
  value: string;
  onChange: (value: string) => void;
  testId?: string;
}

/** A calendar day typed as DD/MM/YYYY (or picked), kept as "YYYY-MM-DD". */
export function DayField({ value, onChange, testId, ...props }: DayFieldProps) {
  const { t } = useTranslation();
  return (
    <DatesLocale>
      <DateInput
        {...props}
        value={value || null}
        onChange={(next) => onChange(next ? String(next).slice(0, 10) : "")}
        valueFormat="DD/MM/YYYY"
        dateParser={parseDay}
        placeholder={t("events.form.fields.datePlaceholder")}
        popoverProps={{ withinPortal: true }}
        wrapperProps={{ "data-testid": testId }}
      />
    </DatesLocale>
  );
}

interface TimeFieldProps extends Omit<TimeInputProps, "value" | "onChange"> {
  value: string;
  onChange: (value: string) => void;
  testId?: string;
}

/** "HH:MM" with the browser's own time input (a wheel on phones, typing on computers). */
export function TimeField({ value, onChange, testId, ...props }: TimeFieldProps) {
  return (
    <TimeInput
      {...props}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value.slice(0, 5))}
      wrapperProps={{ "data-testid": testId }}
    />
  );
}

interface ConfirmProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  loading?: boolean;
  danger?: boolean;
  /** Asks for a reason (shown in the emails) and a tick, for irreversible cancellations. */
  withReason?: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
  testId?: string;
}

/** A confirmation dialog; with `withReason`, a required reason and a "this is final" tick. */
export function ConfirmModal({
  title,
  children,
  confirmLabel,
  cancelLabel,
  loading,
  danger,
  withReason,
  onConfirm,
  onClose,
  testId,
}: ConfirmProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [ticked, setTicked] = useState(false);
  const [errors, setErrors] = useState<{ reason?: string; tick?: string }>({});
  const submit = () => {
    if (withReason) {
      const next = {
        reason: reason.trim() ? undefined : t("events.cancel.reasonRequired"),
        tick: ticked ? undefined : t("events.cancel.confirmRequired"),
      };
      setErrors(next);
      if (next.reason || next.tick) return;
    }
    onConfirm(reason.trim());
  };
  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>{title}</Text>} size="md" data-testid={testId}>
      <Stack gap="sm">
        <div>{children}</div>
        {withReason && (
          <>
            <Textarea
              label={t("events.cancel.reason")}
              placeholder={t("events.cancel.reasonPlaceholder")}
              withAsterisk
              autosize
              minRows={2}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={errors.reason}
              data-autofocus
              data-testid="cancel-reason"
            />
            <Checkbox
              label={t("events.cancel.confirm")}
              checked={ticked}
              onChange={(event) => setTicked(event.currentTarget.checked)}
              error={errors.tick}
              data-testid="cancel-tick"
            />
          </>
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {cancelLabel ?? t("common.cancel")}
          </Button>
          <Button color={danger ? "red" : undefined} loading={loading} onClick={submit} data-testid="confirm-submit">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
