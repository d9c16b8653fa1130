import { Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { applyServerErrors, notifySuccess } from "../members/notify";
import { FUNDER_KINDS, type Funder, type FunderKind, useFundingMutations } from "./api";

/** Records a funder (metropolis, region, state, EU, CCI…) or edits its name and contact. */
export function FunderModal({ funder, onClose }: { funder?: Funder; onClose: () => void }) {
  const { t } = useTranslation();
  const mutations = useFundingMutations();
  const form = useForm({
    initialValues: {
      name: funder?.name ?? "",
      kind: (funder?.kind ?? "metropolis") as FunderKind,
      contactName: funder?.contactName ?? "",
      contactEmail: funder?.contactEmail ?? "",
    },
    validate: { name: (v) => (v.trim().length >= 2 ? null : t("funding.field.required")) },
  });
  const submit = form.onSubmit((values) => {
    const input = {
      name: values.name.trim(),
      kind: values.kind,
      contactName: values.contactName.trim() || null,
      contactEmail: values.contactEmail.trim() || null,
    };
    const done = {
      onSuccess: () => {
        notifySuccess(funder ? t("funding.funders.saved") : t("funding.funders.created"));
        onClose();
      },
      onError: (error: unknown) => applyServerErrors(form, error),
    };
    if (funder) mutations.updateFunder.mutate({ id: funder.id, patch: input }, done);
    else mutations.createFunder.mutate(input, done);
  });
  return (
    <Modal opened onClose={onClose} title={funder ? t("funding.funders.editTitle") : t("funding.funders.new")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("funding.funders.name")}
            withAsterisk
            {...form.getInputProps("name")}
            data-testid="funder-name"
          />
          <Select
            label={t("funding.funders.kind")}
            data={FUNDER_KINDS.map((k) => ({ value: k, label: t(`funding.kind.${k}`) }))}
            allowDeselect={false}
            {...form.getInputProps("kind")}
          />
          <Group grow>
            <TextInput label={t("funding.funders.contactName")} {...form.getInputProps("contactName")} />
            <TextInput type="email" label={t("funding.funders.contactEmail")} {...form.getInputProps("contactEmail")} />
          </Group>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              loading={mutations.createFunder.isPending || mutations.updateFunder.isPending}
              data-testid="funder-save"
            >
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
