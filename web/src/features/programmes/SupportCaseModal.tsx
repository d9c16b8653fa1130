import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { isIsoDate } from "../../lib/identifiers";
import { useFundingCalls } from "../funding/api";
import { EurosInput, toCents, toEuros } from "../funding/money";
import { applyServerErrors, notifySuccess } from "../members/notify";
import { MemberPicker } from "../reference/MemberPicker";
import { SUPPORT_CASE_STATUSES, type SupportCase, type SupportCaseStatus, useSupportCaseMutations } from "./api";

const today = () => new Date().toISOString().slice(0, 10);

/** A member helped on a funding application: the call (recorded or named), status, amounts asked and obtained. */
export function SupportCaseModal({ supportCase, onClose }: { supportCase?: SupportCase; onClose: () => void }) {
  const { t } = useTranslation();
  const mutations = useSupportCaseMutations();
  const calls = useFundingCalls();
  const form = useForm({
    initialValues: {
      memberId: supportCase?.member.id ?? (null as string | null),
      callId: supportCase?.call?.id ?? (null as string | null),
      callLabel: supportCase?.callLabel ?? "",
      openedOn: supportCase?.openedOn ?? today(),
      status: (supportCase?.status ?? "preparing") as SupportCaseStatus,
      asked: toEuros(supportCase?.amountAskedCents),
      obtained: toEuros(supportCase?.amountObtainedCents),
      partnerBody: supportCase?.partnerBody ?? "",
      notes: supportCase?.notes ?? "",
    },
    validate: {
      memberId: (v) => (v ? null : t("programmes.enrolment.required")),
      callLabel: (v, values) => (values.callId || v.trim() ? null : t("programmes.cases.callRequired")),
      openedOn: (v) => (isIsoDate(v) ? null : t("validation.date")),
      asked: (v) => (v !== "" && Number(v) < 0 ? t("validation.amount") : null),
      obtained: (v) => (v !== "" && Number(v) < 0 ? t("validation.amount") : null),
    },
  });
  const submit = form.onSubmit((values) => {
    const fields = {
      callId: values.callId,
      callLabel: values.callLabel.trim() || null,
      openedOn: values.openedOn,
      status: values.status,
      amountAskedCents: toCents(values.asked),
      amountObtainedCents: toCents(values.obtained),
      partnerBody: values.partnerBody.trim() || null,
      notes: values.notes.trim() || null,
    };
    const done = {
      onSuccess: () => {
        notifySuccess(t("programmes.cases.saved"));
        onClose();
      },
      onError: (error: unknown) =>
        applyServerErrors(form, error, { amountAskedCents: "asked", amountObtainedCents: "obtained" }),
    };
    if (supportCase) mutations.update.mutate({ id: supportCase.id, patch: fields }, done);
    else mutations.create.mutate({ memberId: values.memberId ?? "", ...fields }, done);
  });
  const callOptions = (calls.data ?? []).map((c) => ({ value: c.id, label: `${c.title} · ${c.funderName}` }));
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={supportCase ? t("programmes.cases.editTitle") : t("programmes.cases.addTitle")}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <MemberPicker
            label={t("programmes.cases.member")}
            withAsterisk
            disabled={Boolean(supportCase)}
            value={form.values.memberId}
            selectedLabel={supportCase?.member.name}
            onChange={(id) => form.setFieldValue("memberId", id)}
            error={form.errors.memberId}
            data-testid="case-member"
          />
          <Group grow align="flex-start">
            <Select
              label={t("programmes.cases.call")}
              placeholder={t("programmes.cases.callPlaceholder")}
              data={callOptions}
              searchable
              clearable
              nothingFoundMessage={t("common.noMatch")}
              {...form.getInputProps("callId")}
              data-testid="case-call"
            />
            <TextInput
              label={t("programmes.cases.callLabel")}
              placeholder={t("programmes.cases.callLabelPlaceholder")}
              {...form.getInputProps("callLabel")}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t("programmes.cases.openedOn")}
              withAsterisk
              {...form.getInputProps("openedOn")}
            />
            <Select
              label={t("programmes.cases.status")}
              data={SUPPORT_CASE_STATUSES.map((s) => ({ value: s, label: t(`programmes.caseStatus.${s}`) }))}
              allowDeselect={false}
              {...form.getInputProps("status")}
              data-testid="case-status"
            />
          </Group>
          <Group grow align="flex-start">
            <EurosInput label={t("programmes.cases.asked")} {...form.getInputProps("asked")} data-testid="case-asked" />
            <EurosInput
              label={t("programmes.cases.obtained")}
              {...form.getInputProps("obtained")}
              data-testid="case-obtained"
            />
          </Group>
          <TextInput label={t("programmes.cases.partnerBody")} {...form.getInputProps("partnerBody")} />
          <Textarea label={t("programmes.cases.notes")} autosize minRows={2} {...form.getInputProps("notes")} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              loading={mutations.create.isPending || mutations.update.isPending}
              data-testid="case-save"
            >
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
