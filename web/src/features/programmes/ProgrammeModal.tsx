import { Button, Group, Modal, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { applyServerErrors, notifySuccess } from "../members/notify";
import { type Programme, useProgrammeMutations } from "./api";

/** Defines a programme of the cluster's own, or renames / describes / deactivates one. */
export function ProgrammeModal({
  programme,
  onClose,
  onCreated,
}: {
  programme?: Programme;
  onClose: () => void;
  onCreated?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const mutations = useProgrammeMutations();
  const form = useForm({
    initialValues: {
      name: programme?.name ?? "",
      description: programme?.description ?? "",
      partnerBody: programme?.partnerBody ?? "",
      active: programme?.active ?? true,
    },
    validate: { name: (v) => (v.trim().length >= 2 ? null : t("programmes.enrolment.required")) },
  });
  const submit = form.onSubmit((values) => {
    const input = {
      name: values.name.trim(),
      description: values.description.trim() || null,
      partnerBody: values.partnerBody.trim() || null,
      active: values.active,
    };
    const onError = (error: unknown) => applyServerErrors(form, error);
    if (programme)
      mutations.update.mutate(
        { id: programme.id, patch: input },
        {
          onSuccess: () => {
            notifySuccess(t("programmes.saved"));
            onClose();
          },
          onError,
        },
      );
    else
      mutations.create.mutate(input, {
        onSuccess: (created) => {
          notifySuccess(t("programmes.created"));
          onCreated?.(created.id);
          onClose();
        },
        onError,
      });
  });
  return (
    <Modal opened onClose={onClose} title={programme ? t("programmes.edit") : t("programmes.new")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("programmes.field.name")}
            withAsterisk
            {...form.getInputProps("name")}
            data-testid="programme-name"
          />
          <TextInput
            label={t("programmes.field.partnerBody")}
            placeholder={t("programmes.field.partnerPlaceholder")}
            {...form.getInputProps("partnerBody")}
          />
          <Textarea
            label={t("programmes.field.description")}
            autosize
            minRows={2}
            {...form.getInputProps("description")}
          />
          {programme && (
            <Switch label={t("programmes.field.active")} {...form.getInputProps("active", { type: "checkbox" })} />
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              loading={mutations.create.isPending || mutations.update.isPending}
              data-testid="programme-save"
            >
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
