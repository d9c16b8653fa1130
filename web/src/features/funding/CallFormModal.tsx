import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { type SizeClass, sizeClasses } from "../../api/types";
import { isIsoDate } from "../../lib/identifiers";
import { applyServerErrors, notifySuccess } from "../members/notify";
import { type FundingCall, useFunders, useFundingMutations } from "./api";

/** Records a funding call or edits one: funder, title, topics, eligibility criteria, dates, link. */
export function CallFormModal({
  call,
  onClose,
  onCreated,
}: {
  call?: FundingCall;
  onClose: () => void;
  onCreated?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const funders = useFunders();
  const mutations = useFundingMutations();
  const form = useForm({
    initialValues: {
      funderId: call?.funder?.id ?? (null as string | null),
      funderName: call?.funderName ?? "",
      title: call?.title ?? "",
      description: call?.description ?? "",
      topics: call?.topics ?? [],
      sizeClasses: (call?.sizeClasses ?? []) as SizeClass[],
      nafCodes: call?.nafCodes ?? [],
      departments: call?.departments ?? [],
      opensOn: call?.opensOn ?? "",
      closesOn: call?.closesOn ?? "",
      url: call?.url ?? "",
      reminderDays: call?.reminderDays ?? 7,
    },
    validate: {
      funderName: (v) => (v.trim() ? null : t("funding.field.required")),
      title: (v) => (v.trim() ? null : t("funding.field.required")),
      opensOn: (v) => (v && !isIsoDate(v) ? t("validation.date") : null),
      closesOn: (v, values) =>
        !isIsoDate(v)
          ? t("validation.date")
          : values.opensOn && v < values.opensOn
            ? t("funding.field.closesBeforeOpens")
            : null,
    },
  });
  const submit = form.onSubmit((values) => {
    const input = {
      funderId: values.funderId,
      funderName: values.funderName.trim(),
      title: values.title.trim(),
      description: values.description.trim() || null,
      topics: values.topics,
      sizeClasses: values.sizeClasses,
      nafCodes: values.nafCodes.map((c) => c.trim().toUpperCase()).filter(Boolean),
      departments: values.departments.map((d) => d.trim().toUpperCase()).filter(Boolean),
      opensOn: values.opensOn || null,
      closesOn: values.closesOn,
      url: values.url.trim() || null,
      reminderDays: Number(values.reminderDays),
    };
    const onError = (error: unknown) => applyServerErrors(form, error);
    if (call)
      mutations.updateCall.mutate(
        { id: call.id, patch: input },
        {
          onSuccess: () => {
            notifySuccess(t("funding.calls.saved"));
            onClose();
          },
          onError,
        },
      );
    else
      mutations.createCall.mutate(input, {
        onSuccess: (created) => {
          notifySuccess(t("funding.calls.created"));
          onCreated?.(created.id);
          onClose();
        },
        onError,
      });
  });
  const funderOptions = (funders.data ?? []).map((f) => ({ value: f.id, label: f.name }));
  return (
    <Modal opened onClose={onClose} size="lg" title={call ? t("funding.calls.editTitle") : t("funding.calls.new")}>
      <form onSubmit={submit} noValidate data-testid="call-form">
        <Stack gap="sm">
          <TextInput
            label={t("funding.field.title")}
            withAsterisk
            {...form.getInputProps("title")}
            data-testid="call-title"
          />
          <Group grow align="flex-start">
            <Select
              label={t("funding.field.funder")}
              placeholder={t("funding.field.funderPlaceholder")}
              data={funderOptions}
              clearable
              {...form.getInputProps("funderId")}
              onChange={(id) => {
                form.setFieldValue("funderId", id);
                const funder = funders.data?.find((f) => f.id === id);
                if (funder && !form.values.funderName.trim()) form.setFieldValue("funderName", funder.name);
              }}
            />
            <TextInput
              label={t("funding.field.funderName")}
              placeholder={t("funding.field.funderNamePlaceholder")}
              withAsterisk
              {...form.getInputProps("funderName")}
              data-testid="call-funder-name"
            />
          </Group>
          <Textarea
            label={t("funding.field.description")}
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps("description")}
          />
          <TagsInput
            label={t("funding.field.topics")}
            placeholder={t("funding.field.topicsPlaceholder")}
            {...form.getInputProps("topics")}
          />
          <MultiSelect
            label={t("funding.field.sizeClasses")}
            description={t("funding.field.sizeClassesHelp")}
            data={sizeClasses.map((s) => ({ value: s, label: t(`enums.sizeClassLong.${s}`) }))}
            {...form.getInputProps("sizeClasses")}
            data-testid="call-sizes"
          />
          <Group grow align="flex-start">
            <TagsInput
              label={t("funding.field.nafCodes")}
              description={t("funding.field.nafCodesHelp")}
              {...form.getInputProps("nafCodes")}
              data-testid="call-naf"
            />
            <TagsInput
              label={t("funding.field.departments")}
              description={t("funding.field.departmentsHelp")}
              {...form.getInputProps("departments")}
              data-testid="call-departments"
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput type="date" label={t("funding.field.opensOn")} {...form.getInputProps("opensOn")} />
            <TextInput
              type="date"
              label={t("funding.field.closesOn")}
              withAsterisk
              {...form.getInputProps("closesOn")}
              data-testid="call-closes"
            />
            <NumberInput
              label={t("funding.field.reminderDays")}
              min={0}
              max={90}
              allowDecimal={false}
              {...form.getInputProps("reminderDays")}
            />
          </Group>
          <TextInput type="url" label={t("funding.field.url")} {...form.getInputProps("url")} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              loading={mutations.createCall.isPending || mutations.updateCall.isPending}
              data-testid="call-save"
            >
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
