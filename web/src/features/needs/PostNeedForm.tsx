import { Button, Group, Paper, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { applyServerErrors, notifySuccess } from "../members/notify";
import { useNeedMutations, useSimilarNeeds } from "./api";
import { SimilarSuggestions } from "./SimilarNeeds";

/** Posting a need; similar needs are suggested live as the title and details are typed. */
export function PostNeedForm() {
  const { t } = useTranslation();
  const mutations = useNeedMutations();
  const form = useForm({
    initialValues: { title: "", body: "" },
    validate: { title: (v) => (v.trim().length >= 5 ? null : t("groups.required")) },
  });
  const [text] = useDebouncedValue(`${form.values.title}\n${form.values.body}`, 300);
  const similar = useSimilarNeeds(text);
  const submit = form.onSubmit((values) =>
    mutations.post.mutate(
      { title: values.title.trim(), body: values.body.trim() || null },
      {
        onSuccess: () => {
          notifySuccess(t("needs.post.posted"));
          form.reset();
        },
        onError: (error) => applyServerErrors(form, error),
      },
    ),
  );
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate data-testid="need-form">
      <Stack gap="sm">
        <TextInput
          label={t("needs.post.title")}
          placeholder={t("needs.post.titlePlaceholder")}
          {...form.getInputProps("title")}
          data-testid="need-title"
        />
        <Textarea
          label={t("needs.post.body")}
          placeholder={t("needs.post.bodyPlaceholder")}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps("body")}
          data-testid="need-body"
        />
        {form.values.title.trim().length + form.values.body.trim().length >= 8 && (
          <SimilarSuggestions similar={similar.data ?? []} />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={mutations.post.isPending} data-testid="need-submit">
            {t("needs.post.submit")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
