import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useCluster } from "../auth/cluster";
import { applyServerErrors, notifySuccess } from "../members/notify";
import { AssigneeSelect } from "./AssigneeSelect";
import { type ContactKind, contactKinds, type FollowUp, useFollowUpMutations } from "./api";
import { addDays, parisToday } from "./kinds";

/** Plan a follow-up with a member, or change one. */
export function FollowUpModal({
  memberId,
  followUp,
  onClose,
}: {
  memberId: string;
  followUp: FollowUp | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const mutations = useFollowUpMutations();
  const form = useForm({
    initialValues: {
      title: followUp?.title ?? "",
      kind: (followUp?.kind ?? "call") as ContactKind,
      dueOn: followUp?.dueOn ?? addDays(parisToday(), 7),
      assigneeUserId: (followUp ? (followUp.assignee?.id ?? null) : cluster.me.user.id) as string | null,
    },
    validate: {
      title: (v) => (v.trim() ? null : t("contacts.followUps.titleRequired")),
      dueOn: (v) => (v ? null : t("contacts.followUps.dueRequired")),
    },
  });
  const pending = mutations.create.isPending || mutations.update.isPending;
  const submit = form.onSubmit((v) => {
    const input = { ...v, title: v.title.trim() };
    const options = {
      onSuccess: () => {
        notifySuccess(t("contacts.followUps.saved"));
        onClose();
      },
      onError: (error: unknown) => applyServerErrors(form, error),
    };
    if (followUp) mutations.update.mutate({ id: followUp.id, patch: input }, options);
    else mutations.create.mutate({ memberId, input }, options);
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={followUp ? t("contacts.followUps.editTitle") : t("contacts.followUps.addTitle")}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("contacts.followUps.fieldTitle")}
            placeholder={t("contacts.followUps.titlePlaceholder")}
            withAsterisk
            {...form.getInputProps("title")}
            data-testid="follow-up-title"
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t("contacts.followUps.kind")}
              data={contactKinds.map((k) => ({ value: k, label: t(`contacts.kinds.${k}`) }))}
              allowDeselect={false}
              {...form.getInputProps("kind")}
            />
            <TextInput
              type="date"
              label={t("contacts.followUps.dueOn")}
              withAsterisk
              {...form.getInputProps("dueOn")}
              data-testid="follow-up-due"
            />
            <AssigneeSelect
              value={form.getValues().assigneeUserId}
              onChange={(v) => form.setFieldValue("assigneeUserId", v)}
              error={form.errors.assigneeUserId}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={pending} data-testid="follow-up-save">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
