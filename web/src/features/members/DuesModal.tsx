import { Button, Group, Modal, NumberInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { Dues } from "../../api/types";
import { isIsoDate } from "../../lib/identifiers";
import { useDuesMutations } from "./api";
import { applyServerErrors, notifySuccess } from "./notify";

interface Props {
  memberId: string;
  dues: Dues | null;
  takenYears: number[];
  onClose: () => void;
}

/** Adds or changes the dues of one year: amount in euros, payment date. */
export function DuesModal({ memberId, dues, takenYears, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const mutations = useDuesMutations(memberId);
  const form = useForm({
    initialValues: {
      year: dues?.year ?? new Date().getFullYear(),
      amount: dues ? dues.amountCents / 100 : ("" as number | string),
      paidOn: dues?.paidOn ?? "",
    },
    validate: {
      year: (v) =>
        v < 1980 || v > 2100
          ? t("validation.year")
          : !dues && takenYears.includes(Number(v))
            ? t("dues.yearTaken")
            : null,
      amount: (v) => (v === "" || Number(v) < 0 ? t("validation.amount") : null),
      paidOn: (v) => (v && !isIsoDate(v) ? t("validation.date") : null),
    },
  });
  const french = !i18n.language.startsWith("en");

  const submit = form.onSubmit((values) => {
    mutations.save.mutate(
      {
        year: Number(values.year),
        amountCents: Math.round(Number(values.amount) * 100),
        paidOn: values.paidOn || null,
      },
      {
        onSuccess: () => {
          notifySuccess(t("dues.saved", { year: values.year }));
          onClose();
        },
        onError: (error) => applyServerErrors(form, error, { paidOn: "paidOn", amountCents: "amount" }),
      },
    );
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={dues ? t("dues.editTitle", { year: dues.year }) : t("dues.addTitle")}
      size="sm"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NumberInput
            label={t("dues.year")}
            min={1980}
            max={2100}
            allowDecimal={false}
            thousandSeparator=""
            disabled={Boolean(dues)}
            {...form.getInputProps("year")}
            data-testid="dues-year"
          />
          <NumberInput
            label={t("dues.amountEur")}
            min={0}
            decimalScale={2}
            decimalSeparator={french ? "," : "."}
            thousandSeparator={french ? " " : ","}
            suffix=" €"
            {...form.getInputProps("amount")}
            data-testid="dues-amount"
          />
          <TextInput
            type="date"
            label={t("dues.paidOn")}
            {...form.getInputProps("paidOn")}
            data-testid="dues-paid-on"
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={mutations.save.isPending} data-testid="dues-save">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
