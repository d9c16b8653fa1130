import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { Person, PersonInput } from "../../api/types";
import { isValidEmail } from "../../lib/identifiers";
import { usePersonMutations } from "./api";
import { applyServerErrors, notifySuccess } from "./notify";

interface Props {
  memberId: string;
  person: Person | null;
  onClose: () => void;
}

const blankToNull = (value: string) => (value.trim() ? value.trim() : null);

export function PersonModal({ memberId, person, onClose }: Props) {
  const { t } = useTranslation();
  const mutations = usePersonMutations(memberId);
  const form = useForm({
    initialValues: {
      firstName: person?.firstName ?? "",
      lastName: person?.lastName ?? "",
      jobTitle: person?.jobTitle ?? "",
      email: person?.email ?? "",
      phone: person?.phone ?? "",
      listed: person?.listed ?? false,
      isMainContact: person?.isMainContact ?? false,
    },
    validate: {
      lastName: (v) => (v.trim() ? null : t("validation.lastNameRequired")),
      email: (v) => (v.trim() && !isValidEmail(v) ? t("validation.email") : null),
    },
  });
  const pending = mutations.add.isPending || mutations.update.isPending;

  const submit = form.onSubmit((values) => {
    const input: PersonInput = {
      firstName: blankToNull(values.firstName),
      lastName: values.lastName.trim(),
      jobTitle: blankToNull(values.jobTitle),
      email: blankToNull(values.email),
      phone: blankToNull(values.phone),
      listed: values.listed,
      isMainContact: values.isMainContact,
    };
    const options = {
      onSuccess: () => {
        notifySuccess(person ? t("people.saved") : t("people.added"));
        onClose();
      },
      onError: (error: unknown) => applyServerErrors(form, error),
    };
    if (person) mutations.update.mutate({ id: person.id, patch: input }, options);
    else mutations.add.mutate(input, options);
  });

  return (
    <Modal opened onClose={onClose} title={person ? t("people.editTitle") : t("people.addTitle")} size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t("people.firstName")}
              {...form.getInputProps("firstName")}
              data-testid="person-first-name"
            />
            <TextInput
              label={t("people.lastName")}
              withAsterisk
              {...form.getInputProps("lastName")}
              data-testid="person-last-name"
            />
          </SimpleGrid>
          <TextInput label={t("people.jobTitle")} {...form.getInputProps("jobTitle")} data-testid="person-job-title" />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t("people.email")}
              type="email"
              {...form.getInputProps("email")}
              data-testid="person-email"
            />
            <TextInput
              label={t("people.phone")}
              type="tel"
              {...form.getInputProps("phone")}
              data-testid="person-phone"
            />
          </SimpleGrid>
          <Checkbox
            label={t("people.listedConsent")}
            description={t("people.listedHelp")}
            {...form.getInputProps("listed", { type: "checkbox" })}
            data-testid="person-listed-input"
          />
          <Checkbox
            label={t("people.mainContact")}
            {...form.getInputProps("isMainContact", { type: "checkbox" })}
            data-testid="person-main-contact"
          />
          <Text size="xs" c="dimmed">
            {t("people.privacyNote")}
          </Text>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={pending} data-testid="person-save">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
