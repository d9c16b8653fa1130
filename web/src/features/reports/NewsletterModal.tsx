import { Button, Group, Modal, NumberInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { isIsoDate } from "../../lib/identifiers";
import { applyServerErrors, notifySuccess } from "../members/notify";
import { useNewsletterMutations } from "./api";

/** Records a newsletter sent to the members, so that the report counts it. */
export function NewsletterModal({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { create } = useNewsletterMutations();
  const today = new Date().toISOString().slice(0, 10);
  const form = useForm({
    initialValues: {
      sentOn: today.startsWith(String(year)) ? today : `${year}-01-15`,
      title: "",
      recipients: "" as number | string,
      url: "",
    },
    validate: {
      sentOn: (v) => (isIsoDate(v) ? null : t("validation.date")),
      title: (v) => (v.trim().length >= 2 ? null : t("funding.field.required")),
    },
  });
  const submit = form.onSubmit((values) =>
    create.mutate(
      {
        sentOn: values.sentOn,
        title: values.title.trim(),
        recipients: values.recipients === "" ? null : Number(values.recipients),
        url: values.url.trim() || null,
      },
      {
        onSuccess: () => {
          notifySuccess(t("reports.newsletters.saved"));
          onClose();
        },
        onError: (error) => applyServerErrors(form, error),
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title={t("reports.newsletters.add")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("reports.newsletters.title")}
            withAsterisk
            {...form.getInputProps("title")}
            data-testid="newsletter-title"
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t("reports.newsletters.sentOn")}
              withAsterisk
              {...form.getInputProps("sentOn")}
            />
            <NumberInput
              label={t("reports.newsletters.recipients")}
              min={0}
              allowDecimal={false}
              {...form.getInputProps("recipients")}
            />
          </Group>
          <TextInput type="url" label={t("reports.newsletters.url")} {...form.getInputProps("url")} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="newsletter-save">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
