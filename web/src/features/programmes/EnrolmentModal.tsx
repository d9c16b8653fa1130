import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { isIsoDate } from "../../lib/identifiers";
import { applyServerErrors, notifySuccess } from "../members/notify";
import { MemberPicker } from "../reference/MemberPicker";
import { ENROLMENT_STATUSES, type Enrolment, type EnrolmentStatus, useProgrammeMutations } from "./api";

const today = () => new Date().toISOString().slice(0, 10);

/** Enrols a company in a programme, or edits an enrolment: dates, status, outcome, partner body. */
export function EnrolmentModal({
  programmeId,
  enrolment,
  defaultPartner,
  onClose,
}: {
  programmeId: string;
  enrolment?: Enrolment;
  defaultPartner: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutations = useProgrammeMutations();
  const form = useForm({
    initialValues: {
      memberId: enrolment?.member.id ?? (null as string | null),
      enrolledOn: enrolment?.enrolledOn ?? today(),
      endedOn: enrolment?.endedOn ?? "",
      status: (enrolment?.status ?? "enrolled") as EnrolmentStatus,
      outcome: enrolment?.outcome ?? "",
      partnerBody: enrolment?.partnerBody ?? "",
    },
    validate: {
      memberId: (v) => (v ? null : t("programmes.enrolment.required")),
      enrolledOn: (v) => (isIsoDate(v) ? null : t("validation.date")),
      endedOn: (v, values) =>
        v && !isIsoDate(v) ? t("validation.date") : v && v < values.enrolledOn ? t("validation.date") : null,
    },
  });
  const submit = form.onSubmit((values) => {
    const fields = {
      enrolledOn: values.enrolledOn,
      endedOn: values.endedOn || null,
      status: values.status,
      outcome: values.outcome.trim() || null,
      partnerBody: values.partnerBody.trim() || null,
    };
    const done = {
      onSuccess: () => {
        notifySuccess(t("programmes.enrolment.saved"));
        onClose();
      },
      onError: (error: unknown) => applyServerErrors(form, error),
    };
    if (enrolment) mutations.updateEnrolment.mutate({ id: enrolment.id, patch: fields }, done);
    else mutations.enrol.mutate({ programmeId, input: { memberId: values.memberId ?? "", ...fields } }, done);
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={enrolment ? t("programmes.enrolment.editTitle") : t("programmes.enrolment.addTitle")}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <MemberPicker
            label={t("programmes.enrolment.member")}
            placeholder={t("programmes.enrolment.memberPlaceholder")}
            withAsterisk
            disabled={Boolean(enrolment)}
            value={form.values.memberId}
            selectedLabel={enrolment?.member.name}
            onChange={(id) => form.setFieldValue("memberId", id)}
            error={form.errors.memberId}
            data-testid="enrolment-member"
          />
          <Group grow>
            <TextInput
              type="date"
              label={t("programmes.enrolment.enrolledOn")}
              withAsterisk
              {...form.getInputProps("enrolledOn")}
              data-testid="enrolment-date"
            />
            <TextInput type="date" label={t("programmes.enrolment.endedOn")} {...form.getInputProps("endedOn")} />
          </Group>
          <Select
            label={t("programmes.enrolment.status")}
            data={ENROLMENT_STATUSES.map((s) => ({ value: s, label: t(`programmes.status.${s}`) }))}
            allowDeselect={false}
            {...form.getInputProps("status")}
            data-testid="enrolment-status"
          />
          <Textarea
            label={t("programmes.enrolment.outcome")}
            placeholder={t("programmes.enrolment.outcomePlaceholder")}
            autosize
            minRows={2}
            {...form.getInputProps("outcome")}
          />
          <TextInput
            label={t("programmes.enrolment.partnerBody")}
            description={t("programmes.enrolment.partnerHelp")}
            placeholder={defaultPartner ?? undefined}
            {...form.getInputProps("partnerBody")}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              loading={mutations.enrol.isPending || mutations.updateEnrolment.isPending}
              data-testid="enrolment-save"
            >
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
