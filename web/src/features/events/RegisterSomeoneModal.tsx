import { Button, Group, Modal, Select, Stack, Tabs, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconBuildingFactory2, IconUser } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { personName } from "../../lib/format";
import { isValidEmail } from "../../lib/identifiers";
import { useMember } from "../members/api";
import { applyServerErrors, notifySuccess } from "../members/notify";
import { MemberPicker } from "../reference/MemberPicker";
import { useOccurrenceMutations } from "./api";
import type { Registration } from "./types";

interface Values {
  memberId: string | null;
  personId: string | null;
  name: string;
  email: string;
  company: string;
}

/** Staff register a person of a member company, or a guest (a prospect without an account). */
export function RegisterSomeoneModal({ occurrenceId, onClose }: { occurrenceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<"person" | "guest">("person");
  const { register } = useOccurrenceMutations(occurrenceId);
  const form = useForm<Values>({
    initialValues: { memberId: null, personId: null, name: "", email: "", company: "" },
    validate: (values) =>
      tab === "person"
        ? { personId: values.personId ? null : t("events.registration.personRequired") }
        : {
            name: values.name.trim() ? null : t("events.registration.guestNameRequired"),
            email: isValidEmail(values.email.trim()) ? null : t("validation.email"),
          },
  });
  const member = useMember(form.getValues().memberId ?? undefined);
  const people = (member.data?.people ?? []).filter((p) => !p.erased);

  const done = (registration: Registration) => {
    notifySuccess(
      registration.status === "confirmed"
        ? t("events.registration.registered", { name: registration.name })
        : t("events.registration.registeredWaiting", {
            name: registration.name,
            position: registration.position ?? "?",
          }),
    );
    onClose();
  };
  const submit = form.onSubmit((values) => {
    const body =
      tab === "person"
        ? { personId: values.personId ?? undefined }
        : {
            guest: { name: values.name.trim(), email: values.email.trim(), company: values.company.trim() || null },
          };
    register.mutate(body, {
      onSuccess: done,
      onError: (error) => {
        // 409 "already registered" names the email; show it under the input that holds it.
        if (error instanceof ApiError && error.status === 409) {
          form.setFieldError(tab === "person" ? "personId" : "email", error.fieldMessage("email") ?? error.message);
          return;
        }
        applyServerErrors(form, error, {
          "guest.name": "name",
          "guest.email": "email",
          "guest.company": "company",
          guest: "name",
        });
      },
    });
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={650}>{t("events.registration.modalTitle")}</Text>}
      data-testid="register-someone-modal"
    >
      <form onSubmit={submit} noValidate>
        <Tabs value={tab} onChange={(value) => setTab(value === "guest" ? "guest" : "person")} mb="sm">
          <Tabs.List>
            <Tabs.Tab value="person" leftSection={<IconBuildingFactory2 size={14} />} data-testid="register-tab-person">
              {t("events.registration.tabPerson")}
            </Tabs.Tab>
            <Tabs.Tab value="guest" leftSection={<IconUser size={14} />} data-testid="register-tab-guest">
              {t("events.registration.tabGuest")}
            </Tabs.Tab>
          </Tabs.List>
        </Tabs>
        <Stack gap="sm">
          {tab === "person" ? (
            <>
              <MemberPicker
                label={t("events.registration.member")}
                placeholder={t("events.registration.memberPlaceholder")}
                value={form.getValues().memberId}
                onChange={(id) => {
                  form.setFieldValue("memberId", id);
                  form.setFieldValue("personId", null);
                }}
                data-testid="register-member"
              />
              <Select
                label={t("events.registration.person")}
                placeholder={t("events.registration.personPlaceholder")}
                disabled={!form.getValues().memberId}
                data={people.map((p) => ({
                  value: p.id,
                  label: [personName(p), p.jobTitle, p.email].filter(Boolean).join(" · "),
                  disabled: !p.email,
                }))}
                nothingFoundMessage={t("events.registration.noPeople")}
                searchable
                {...form.getInputProps("personId")}
                data-testid="register-person"
              />
              {form.getValues().memberId && member.data && people.every((p) => !p.email) && (
                <Text size="xs" c="dimmed">
                  {t("events.registration.noPeople")}
                </Text>
              )}
            </>
          ) : (
            <>
              <TextInput
                label={t("events.registration.guestName")}
                withAsterisk
                {...form.getInputProps("name")}
                data-testid="register-guest-name"
              />
              <TextInput
                label={t("events.registration.guestEmail")}
                type="email"
                withAsterisk
                {...form.getInputProps("email")}
                data-testid="register-guest-email"
              />
              <TextInput
                label={t("events.registration.guestCompany")}
                {...form.getInputProps("company")}
                data-testid="register-guest-company"
              />
            </>
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={register.isPending} data-testid="register-submit">
              {t("events.registration.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
