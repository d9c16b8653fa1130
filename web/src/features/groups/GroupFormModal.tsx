import { Button, Group, Modal, MultiSelect, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCluster } from "../auth/cluster";
import { applyServerErrors, notifySuccess } from "../members/notify";
import { MemberPicker } from "../reference/MemberPicker";
import { type GroupDetail, useCreateGroup, useGroupMutations, useLeaders, WORKSTREAMS, type Workstream } from "./api";

interface Props {
  group?: GroupDetail;
  onClose: () => void;
}

/** Opens a group (staff), or edits one: name, theme, workstream, leader; companies on creation. */
export function GroupFormModal({ group, onClose }: Props) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const navigate = useNavigate();
  const leaders = useLeaders(true);
  const create = useCreateGroup();
  const mutations = useGroupMutations(group?.id ?? "");
  const [companies, setCompanies] = useState<{ value: string; label: string }[]>([]);
  const form = useForm({
    initialValues: {
      name: group?.name ?? "",
      theme: group?.theme ?? "",
      workstream: (group?.workstream ?? "other") as Workstream,
      description: group?.description ?? "",
      leaderPersonId: group?.leader?.personId ?? (null as string | null),
      status: group?.status ?? "active",
    },
    validate: {
      name: (v) => (v.trim() ? null : t("groups.required")),
      theme: (v) => (v.trim() ? null : t("groups.required")),
    },
  });
  const submit = form.onSubmit((values) => {
    const input = {
      name: values.name.trim(),
      theme: values.theme.trim(),
      workstream: values.workstream,
      description: values.description.trim() || null,
      leaderPersonId: values.leaderPersonId,
    };
    const onError = (error: unknown) => applyServerErrors(form, error);
    if (group) {
      mutations.update.mutate(
        { ...input, status: values.status },
        {
          onSuccess: () => {
            notifySuccess(t("groups.saved"));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { ...input, memberIds: companies.map((c) => c.value) },
        {
          onSuccess: (created) => {
            notifySuccess(t("groups.created"));
            onClose();
            navigate(cluster.path(`groups/${created.id}`));
          },
          onError,
        },
      );
    }
  });
  const leaderOptions = (leaders.data ?? []).map((l) => ({ value: l.personId, label: `${l.name} · ${l.memberName}` }));
  return (
    <Modal opened onClose={onClose} title={group ? t("groups.editTitle") : t("groups.new")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("groups.field.name")}
            withAsterisk
            {...form.getInputProps("name")}
            data-testid="group-name"
          />
          <TextInput
            label={t("groups.field.theme")}
            withAsterisk
            {...form.getInputProps("theme")}
            data-testid="group-theme"
          />
          <Select
            label={t("groups.field.workstream")}
            data={WORKSTREAMS.map((w) => ({ value: w, label: t(`groups.workstream.${w}`) }))}
            allowDeselect={false}
            {...form.getInputProps("workstream")}
            data-testid="group-workstream"
          />
          <Select
            label={t("groups.field.leader")}
            description={t("groups.field.leaderHelp")}
            data={leaderOptions}
            clearable
            searchable
            nothingFoundMessage={t("common.noMatch")}
            {...form.getInputProps("leaderPersonId")}
            data-testid="group-leader"
          />
          <Textarea
            label={t("groups.field.description")}
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps("description")}
          />
          {group ? (
            <Select
              label={t("groups.field.status")}
              data={(["active", "closed"] as const).map((s) => ({ value: s, label: t(`groups.status.${s}`) }))}
              allowDeselect={false}
              {...form.getInputProps("status")}
              data-testid="group-status"
            />
          ) : (
            <>
              <MemberPicker
                label={t("groups.field.members")}
                placeholder={t("groups.members.invitePlaceholder")}
                value={null}
                onChange={(id, member) => {
                  if (id && member && !companies.some((c) => c.value === id))
                    setCompanies([...companies, { value: id, label: member.legalName }]);
                }}
              />
              {companies.length > 0 && (
                <MultiSelect
                  aria-label={t("groups.field.members")}
                  data={companies}
                  value={companies.map((c) => c.value)}
                  onChange={(ids) => setCompanies(companies.filter((c) => ids.includes(c.value)))}
                />
              )}
            </>
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending || mutations.update.isPending} data-testid="group-save">
              {group ? t("common.save") : t("groups.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
