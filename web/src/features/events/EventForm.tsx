import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Input,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { IconAlertTriangle, IconPlus, IconRefresh, IconTrash, IconUsersGroup } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { Section } from "../../ui/Section";
import { applyServerErrors, errorText, notifySuccess } from "../members/notify";
import { CommuneSelect } from "../reference/CommuneSelect";
import { MemberPicker } from "../reference/MemberPicker";
import { useSaveEvent } from "./api";
import { useKindLabel } from "./badges";
import {
  changedInput,
  type EventFormValues,
  eventValidators,
  serverFieldToInput,
  toFormValues,
  toInput,
} from "./eventFormModel";
import { DayField, TimeField } from "./fields";
import { RecurrenceBuilder } from "./RecurrenceBuilder";
import { AUDIENCES, EVENT_KINDS, type EventDetail } from "./types";

interface Props {
  event: EventDetail | null;
  workingGroupId?: string | null;
  onSaved: (event: EventDetail) => void;
  onCancel: () => void;
  onReload?: () => Promise<EventDetail | undefined>;
}

function TimingEditor({ form }: { form: UseFormReturnType<EventFormValues> }) {
  const { t } = useTranslation();
  const steps = form.getValues().timing;
  return (
    <Input.Wrapper label={t("events.form.fields.timing")}>
      <Stack gap={6} mt={4} data-testid="field-timing">
        {steps.map((_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps are edited in place, by position
          <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
            <TextInput
              w={90}
              placeholder="08:30"
              aria-label={t("events.form.fields.timingAt")}
              {...form.getInputProps(`timing.${index}.at`)}
            />
            <TextInput
              style={{ flex: 1 }}
              placeholder={t("events.form.fields.timingLabel")}
              aria-label={t("events.form.fields.timingLabel")}
              {...form.getInputProps(`timing.${index}.label`)}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={4}
              onClick={() => form.removeListItem("timing", index)}
              aria-label={t("events.form.fields.timingRemove")}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Box>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            onClick={() => {
              const last = steps[steps.length - 1]?.at;
              form.insertListItem("timing", { at: last ? "" : form.getValues().time, label: "" });
            }}
            data-testid="timing-add"
          >
            {t("events.form.fields.timingAdd")}
          </Button>
        </Box>
      </Stack>
    </Input.Wrapper>
  );
}

/** Create and edit an event (staff): every EventInput field, inline checks, the server's 422 under its inputs. */
export function EventForm({ event, workingGroupId, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const [base, setBase] = useState(event);
  const [conflict, setConflict] = useState<string | null>(null);
  const save = useSaveEvent(base?.id ?? null);
  const form = useForm<EventFormValues>({
    initialValues: toFormValues(event, { workingGroupId }),
    validate: eventValidators(t),
    validateInputOnBlur: true,
  });
  const values = form.getValues();

  const handleError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) {
      setConflict(errorText(error));
      window.scrollTo({ top: 0, behavior: "smooth" });
      return;
    }
    applyServerErrors(form, error, serverFieldToInput);
    requestAnimationFrame(() => document.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
  };

  const submit = form.onSubmit(
    (formValues) => {
      setConflict(null);
      const input = toInput(formValues);
      if (!base) {
        save.mutate(input, {
          onSuccess: (created) => {
            notifySuccess(t("events.form.created", { title: created.title }));
            onSaved(created);
          },
          onError: handleError,
        });
        return;
      }
      const changes = changedInput(toInput(toFormValues(base)), input);
      if (Object.keys(changes).length === 0) {
        notifySuccess(t("events.form.noChange"));
        onSaved(base);
        return;
      }
      save.mutate(
        { ...changes, version: base.version },
        {
          onSuccess: (saved) => {
            notifySuccess(t("events.form.saved", { title: saved.title }));
            setBase(saved);
            form.resetDirty(toFormValues(saved));
            onSaved(saved);
          },
          onError: handleError,
        },
      );
    },
    () => requestAnimationFrame(() => document.querySelector<HTMLElement>("[aria-invalid='true']")?.focus()),
  );

  const reload = async () => {
    const fresh = await onReload?.();
    if (fresh) {
      setBase(fresh);
      form.setValues(toFormValues(fresh));
      form.resetDirty(toFormValues(fresh));
      setConflict(null);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="event-form" style={{ maxWidth: 960 }}>
      <Stack gap="md">
        {conflict && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="event-conflict">
            <Stack gap="xs" align="flex-start">
              <div>{t("events.form.conflict")}</div>
              <Text size="xs" c="dimmed">
                {conflict}
              </Text>
              {onReload && (
                <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={reload}>
                  {t("events.form.reload")}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {values.workingGroupId && (
          <Badge
            color="green"
            variant="light"
            leftSection={<IconUsersGroup size={12} />}
            data-testid="event-working-group"
          >
            {t("events.form.workingGroup")}
          </Badge>
        )}
        <Section title={t("events.form.sections.essentials")}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t("events.form.fields.kind")}
                withAsterisk
                searchable
                data={EVENT_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
                {...form.getInputProps("kind")}
                wrapperProps={{ "data-testid": "field-kind" }}
              />
              <TextInput
                label={t("events.form.fields.title")}
                placeholder={t("events.form.fields.titlePlaceholder")}
                withAsterisk
                {...form.getInputProps("title")}
                wrapperProps={{ "data-testid": "field-title" }}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Input.Wrapper label={t("events.form.fields.status")}>
                <div>
                  <SegmentedControl
                    mt={4}
                    data={[
                      { value: "published", label: t("events.form.fields.published") },
                      { value: "draft", label: t("events.form.fields.draft") },
                    ]}
                    {...form.getInputProps("status")}
                    data-testid="field-status"
                  />
                </div>
              </Input.Wrapper>
              <Select
                label={t("events.form.fields.audience")}
                data={AUDIENCES.map((a) => ({ value: a, label: t(`events.audience.${a}`) }))}
                {...form.getInputProps("audience")}
                wrapperProps={{ "data-testid": "field-audience" }}
              />
            </SimpleGrid>
          </Stack>
        </Section>
        <Section title={t("events.form.sections.when")}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <DayField
                label={t("events.form.fields.date")}
                withAsterisk
                value={values.date}
                onChange={(date) => form.setFieldValue("date", date)}
                onBlur={() => form.validateField("date")}
                error={form.errors.date}
                testId="field-date"
              />
              <TimeField
                label={t("events.form.fields.time")}
                withAsterisk
                {...form.getInputProps("time")}
                value={values.time}
                onChange={(time) => form.setFieldValue("time", time)}
                testId="field-time"
              />
              <NumberInput
                label={t("events.form.fields.duration")}
                withAsterisk
                min={5}
                max={1440}
                step={15}
                allowDecimal={false}
                rightSection={
                  <Text size="xs" c="dimmed" pr={28}>
                    {t("events.form.fields.durationMinutes")}
                  </Text>
                }
                rightSectionWidth={90}
                {...form.getInputProps("durationMinutes")}
                wrapperProps={{ "data-testid": "field-duration" }}
              />
            </SimpleGrid>
            <RecurrenceBuilder form={form} />
          </Stack>
        </Section>
        <Section title={t("events.form.sections.where")}>
          <Stack gap="sm">
            <Text size="xs" c="dimmed">
              {t("events.form.placeHelp")}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <CommuneSelect
                label={t("events.form.fields.commune")}
                placeholder={t("events.form.fields.communePlaceholder")}
                value={values.communeInsee}
                selectedLabel={base?.town ?? null}
                onChange={(commune, insee) => {
                  form.setFieldValue("communeInsee", insee);
                  if (commune && !form.getValues().postcode) form.setFieldValue("postcode", commune.postcodes[0] ?? "");
                  form.clearFieldError("communeInsee");
                }}
                error={form.errors.communeInsee}
                wrapperProps={{ "data-testid": "field-commune" }}
              />
              <TextInput
                label={t("events.form.fields.onlineUrl")}
                placeholder={t("events.form.fields.onlineUrlPlaceholder")}
                type="url"
                {...form.getInputProps("onlineUrl")}
                onBlur={() => {
                  form.validateField("onlineUrl");
                  form.validateField("communeInsee");
                }}
                wrapperProps={{ "data-testid": "field-onlineUrl" }}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Box style={{ gridColumn: "span 2" }}>
                <TextInput
                  label={t("events.form.fields.addressLine")}
                  {...form.getInputProps("addressLine")}
                  wrapperProps={{ "data-testid": "field-addressLine" }}
                />
              </Box>
              <TextInput
                label={t("events.form.fields.postcode")}
                inputMode="numeric"
                {...form.getInputProps("postcode")}
                wrapperProps={{ "data-testid": "field-postcode" }}
              />
            </SimpleGrid>
            <MemberPicker
              label={t("events.form.fields.host")}
              placeholder={t("events.form.fields.hostPlaceholder")}
              value={values.hostMemberId}
              selectedLabel={base?.hostMember?.name ?? null}
              onChange={(id) => form.setFieldValue("hostMemberId", id)}
              error={form.errors.hostMemberId}
              wrapperProps={{ "data-testid": "field-host" }}
            />
          </Stack>
        </Section>
        <Section title={t("events.form.sections.content")}>
          <Stack gap="sm">
            <Textarea
              label={t("events.form.fields.description")}
              autosize
              minRows={3}
              maxRows={12}
              {...form.getInputProps("description")}
              wrapperProps={{ "data-testid": "field-description" }}
            />
            <Textarea
              label={t("events.form.fields.agenda")}
              autosize
              minRows={3}
              maxRows={12}
              {...form.getInputProps("agenda")}
              wrapperProps={{ "data-testid": "field-agenda" }}
            />
            <Textarea
              label={t("events.form.fields.expectedResult")}
              autosize
              minRows={2}
              maxRows={8}
              {...form.getInputProps("expectedResult")}
              wrapperProps={{ "data-testid": "field-expectedResult" }}
            />
            <TimingEditor form={form} />
          </Stack>
        </Section>
        <Section title={t("events.form.sections.registrations")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput
              label={t("events.form.fields.capacity")}
              description={t("events.form.fields.capacityHelp")}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps("capacity")}
              wrapperProps={{ "data-testid": "field-capacity" }}
            />
            <NumberInput
              label={t("events.form.fields.seatsPerCompany")}
              description={t("events.form.fields.seatsPerCompanyHelp")}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps("seatsPerCompany")}
              wrapperProps={{ "data-testid": "field-seatsPerCompany" }}
            />
          </SimpleGrid>
        </Section>
        <Box
          pos="sticky"
          bottom={0}
          py="sm"
          bg="white"
          style={{ borderTop: "1px solid var(--mantine-color-gray-2)", zIndex: 5 }}
        >
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="event-save">
              {base ? t("common.save") : t("events.form.create")}
            </Button>
          </Group>
        </Box>
      </Stack>
    </form>
  );
}
