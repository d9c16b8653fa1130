import { Badge, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCluster } from "../auth/cluster";
import { WORKSTREAMS, type Workstream } from "../groups/api";
import { applyServerErrors, notifySuccess } from "../members/notify";
import { type Proposal, useNeedMutations } from "./api";

/** One action: the group, prefilled from the need (editable), with every company sharing it invited. */
export function OpenGroupModal({ proposal, onClose }: { proposal: Proposal; onClose: () => void }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const navigate = useNavigate();
  const mutations = useNeedMutations();
  const form = useForm({
    initialValues: {
      name: proposal.need.title.slice(0, 200),
      theme: proposal.need.title.slice(0, 300),
      workstream: proposal.suggestedWorkstream as Workstream,
      description: proposal.need.body ?? "",
    },
    validate: {
      name: (v) => (v.trim() ? null : t("groups.required")),
      theme: (v) => (v.trim() ? null : t("groups.required")),
    },
  });
  const submit = form.onSubmit((values) =>
    mutations.openGroup.mutate(
      {
        id: proposal.need.id,
        input: {
          ...values,
          name: values.name.trim(),
          theme: values.theme.trim(),
          description: values.description.trim() || null,
        },
      },
      {
        onSuccess: (group) => {
          notifySuccess(t("needs.proposals.created"));
          onClose();
          navigate(cluster.path(`groups/${group.id}`));
        },
        onError: (error) => applyServerErrors(form, error),
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title={t("needs.proposals.modalTitle")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("groups.field.name")}
            withAsterisk
            {...form.getInputProps("name")}
            data-testid="open-group-name"
          />
          <TextInput
            label={t("groups.field.theme")}
            withAsterisk
            {...form.getInputProps("theme")}
            data-testid="open-group-theme"
          />
          <Select
            label={t("groups.field.workstream")}
            data={WORKSTREAMS.map((w) => ({ value: w, label: t(`groups.workstream.${w}`) }))}
            allowDeselect={false}
            {...form.getInputProps("workstream")}
            data-testid="open-group-workstream"
          />
          <Textarea label={t("groups.field.description")} autosize minRows={2} {...form.getInputProps("description")} />
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t("needs.proposals.invited")}
            </Text>
            <Group gap={4}>
              {proposal.companies.map((c) => (
                <Badge key={c.id} variant="light" data-testid="open-group-company">
                  {c.name}
                </Badge>
              ))}
            </Group>
          </div>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={mutations.openGroup.isPending} data-testid="open-group-submit">
              {t("needs.proposals.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
