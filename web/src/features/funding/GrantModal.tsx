import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { isIsoDate } from "../../lib/identifiers";
import { applyServerErrors, notifySuccess } from "../members/notify";
import { type Grant, useFundingMutations } from "./api";
import { EurosInput, toCents, toEuros } from "./money";

/** A grant from a funder: amount, period, agreement reference, budget line. */
export function GrantModal({ funderId, grant, onClose }: { funderId: string; grant?: Grant; onClose: () => void }) {
  const { t } = useTranslation();
  const mutations = useFundingMutations();
  const year = new Date().getFullYear();
  const form = useForm({
    initialValues: {
      title: grant?.title ?? "",
      amount: toEuros(grant?.amountCents),
      periodStart: grant?.periodStart ?? `${year}-01-01`,
      periodEnd: grant?.periodEnd ?? `${year}-12-31`,
      agreementRef: grant?.agreementRef ?? "",
      budgetLine: grant?.budgetLine ?? "",
    },
    validate: {
      title: (v) => (v.trim().length >= 2 ? null : t("funding.field.required")),
      amount: (v) => (v === "" || Number(v) < 0 ? t("validation.amount") : null),
      periodStart: (v) => (isIsoDate(v) ? null : t("validation.date")),
      periodEnd: (v, values) =>
        !isIsoDate(v) ? t("validation.date") : v < values.periodStart ? t("funding.grants.endBeforeStart") : null,
    },
  });
  const submit = form.onSubmit((values) => {
    const fields = {
      title: values.title.trim(),
      amountCents: toCents(values.amount) ?? 0,
      periodStart: values.periodStart,
      periodEnd: values.periodEnd,
      agreementRef: values.agreementRef.trim() || null,
      budgetLine: values.budgetLine.trim() || null,
    };
    const done = {
      onSuccess: () => {
        notifySuccess(grant ? t("funding.grants.saved") : t("funding.grants.created"));
        onClose();
      },
      onError: (error: unknown) => applyServerErrors(form, error, { amountCents: "amount" }),
    };
    if (grant) mutations.updateGrant.mutate({ id: grant.id, patch: fields }, done);
    else mutations.createGrant.mutate({ funderId, ...fields }, done);
  });
  return (
    <Modal opened onClose={onClose} size="lg" title={grant ? t("funding.grants.editTitle") : t("funding.grants.new")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("funding.grants.title")}
            placeholder={t("funding.grants.titlePlaceholder")}
            withAsterisk
            {...form.getInputProps("title")}
            data-testid="grant-title"
          />
          <EurosInput
            label={t("funding.grants.amount")}
            withAsterisk
            {...form.getInputProps("amount")}
            data-testid="grant-amount"
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t("funding.grants.periodStart")}
              withAsterisk
              {...form.getInputProps("periodStart")}
            />
            <TextInput
              type="date"
              label={t("funding.grants.periodEnd")}
              withAsterisk
              {...form.getInputProps("periodEnd")}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput label={t("funding.grants.agreementRef")} {...form.getInputProps("agreementRef")} />
            <TextInput label={t("funding.grants.budgetLine")} {...form.getInputProps("budgetLine")} />
          </Group>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              loading={mutations.createGrant.isPending || mutations.updateGrant.isPending}
              data-testid="grant-save"
            >
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
