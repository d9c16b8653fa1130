import {
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { Person } from "../../api/types";
import { personName } from "../../lib/format";
import { useCluster } from "../auth/cluster";
import { applyServerErrors, notifySuccess } from "../members/notify";
import { AssigneeSelect } from "./AssigneeSelect";
import { type Contact, type ContactKind, contactKinds, useContactMutations } from "./api";
import { addDays, kindIcon, parisToday } from "./kinds";

interface Props {
  memberId: string;
  people: Person[];
  contact: Contact | null;
  /** Kind to start with (e.g. "call" from the to-call list). */
  initialKind?: ContactKind;
  onClose: () => void;
}

const parisDayOf = (iso: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date(iso));

/** Record a contact (with an optional follow-up), or correct one. */
export function ContactModal({ memberId, people, contact, initialKind = "call", onClose }: Props) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const mutations = useContactMutations();
  const today = parisToday();
  const originalDay = contact ? parisDayOf(contact.happenedAt) : null;
  const form = useForm({
    initialValues: {
      kind: contact?.kind ?? initialKind,
      happenedAt: originalDay ?? today,
      personId: contact?.person?.id ?? (null as string | null),
      summary: contact?.summary ?? "",
      withFollowUp: false,
      followUpTitle: "",
      followUpKind: "call" as ContactKind,
      followUpDueOn: addDays(today, 7),
      followUpAssignee: cluster.me.user.id as string | null,
    },
    validate: {
      summary: (v) => (v.trim() ? null : t("contacts.form.summaryRequired")),
      happenedAt: (v) => (v ? null : t("contacts.form.dateRequired")),
      followUpTitle: (v, values) => (values.withFollowUp && !v.trim() ? t("contacts.followUps.titleRequired") : null),
      followUpDueOn: (v, values) => (values.withFollowUp && !v ? t("contacts.followUps.dueRequired") : null),
    },
  });
  const values = form.getValues();
  const pending = mutations.create.isPending || mutations.update.isPending;
  const rename = {
    "followUp.title": "followUpTitle",
    "followUp.dueOn": "followUpDueOn",
    "followUp.kind": "followUpKind",
    "followUp.assigneeUserId": "followUpAssignee",
  };

  const submit = form.onSubmit((v) => {
    const options = {
      onSuccess: () => {
        notifySuccess(t("contacts.form.saved"));
        onClose();
      },
      onError: (error: unknown) => applyServerErrors(form, error, rename),
    };
    if (contact) {
      mutations.update.mutate(
        {
          id: contact.id,
          patch: {
            kind: v.kind,
            summary: v.summary.trim(),
            personId: v.personId,
            ...(v.happenedAt !== originalDay ? { happenedAt: v.happenedAt } : {}),
          },
        },
        options,
      );
      return;
    }
    mutations.create.mutate(
      {
        memberId,
        input: {
          kind: v.kind,
          happenedAt: v.happenedAt,
          personId: v.personId,
          summary: v.summary.trim(),
          followUp: v.withFollowUp
            ? {
                title: v.followUpTitle.trim(),
                kind: v.followUpKind,
                dueOn: v.followUpDueOn,
                assigneeUserId: v.followUpAssignee,
              }
            : null,
        },
      },
      options,
    );
  });

  const kindOptions = contactKinds.map((k) => ({
    value: k,
    label: (
      <Group gap={6} wrap="nowrap" justify="center">
        {kindIcon(k, 14)}
        <Text size="sm" span>
          {t(`contacts.kinds.${k}`)}
        </Text>
      </Group>
    ),
  }));

  return (
    <Modal
      opened
      onClose={onClose}
      title={contact ? t("contacts.form.editTitle") : t("contacts.form.addTitle")}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t("contacts.form.kind")}
            </Text>
            <SegmentedControl fullWidth data={kindOptions} {...form.getInputProps("kind")} data-testid="contact-kind" />
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="date"
              label={t("contacts.form.happenedAt")}
              withAsterisk
              max={today}
              {...form.getInputProps("happenedAt")}
              data-testid="contact-date"
            />
            <Select
              label={t("contacts.form.person")}
              placeholder={t("contacts.form.personPlaceholder")}
              clearable
              data={people.filter((p) => !p.erased).map((p) => ({ value: p.id, label: personName(p) }))}
              {...form.getInputProps("personId")}
              data-testid="contact-person"
            />
          </SimpleGrid>
          <Textarea
            label={t("contacts.form.summary")}
            placeholder={t("contacts.form.summaryPlaceholder")}
            withAsterisk
            autosize
            minRows={4}
            maxRows={12}
            {...form.getInputProps("summary")}
            data-testid="contact-summary"
          />
          {!contact && (
            <Checkbox
              label={t("contacts.form.withFollowUp")}
              {...form.getInputProps("withFollowUp", { type: "checkbox" })}
              data-testid="contact-with-follow-up"
            />
          )}
          {!contact && values.withFollowUp && (
            <Stack gap="sm" pl="md" style={{ borderLeft: "2px solid var(--mantine-color-violet-2)" }}>
              <TextInput
                label={t("contacts.followUps.fieldTitle")}
                placeholder={t("contacts.followUps.titlePlaceholder")}
                withAsterisk
                {...form.getInputProps("followUpTitle")}
                data-testid="follow-up-title"
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <Select
                  label={t("contacts.followUps.kind")}
                  data={contactKinds.map((k) => ({ value: k, label: t(`contacts.kinds.${k}`) }))}
                  allowDeselect={false}
                  {...form.getInputProps("followUpKind")}
                />
                <TextInput
                  type="date"
                  label={t("contacts.followUps.dueOn")}
                  withAsterisk
                  {...form.getInputProps("followUpDueOn")}
                  data-testid="follow-up-due"
                />
                <AssigneeSelect
                  value={values.followUpAssignee}
                  onChange={(v) => form.setFieldValue("followUpAssignee", v)}
                  error={form.errors.followUpAssignee}
                />
              </SimpleGrid>
            </Stack>
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={pending} data-testid="contact-save">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
