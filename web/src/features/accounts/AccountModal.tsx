import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { Role } from "../../api/types";
import { isValidEmail } from "../../lib/identifiers";
import { applyServerErrors, notifySuccess } from "../members/notify";
import { MemberPicker } from "../reference/MemberPicker";
import { useCreateAccount } from "./api";

const roles: Role[] = ["staff", "member", "funder"];

export function AccountModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateAccount();
  const form = useForm({
    initialValues: { name: "", email: "", password: "", role: "member" as Role, memberId: null as string | null },
    validate: {
      name: (v) => (v.trim() ? null : t("validation.nameRequired")),
      email: (v) => (isValidEmail(v) ? null : t("validation.email")),
      password: (v) => (v.length >= 8 ? null : t("validation.password")),
      memberId: (v, values) => (values.role === "member" && !v ? t("validation.memberRequired") : null),
    },
  });
  const values = form.getValues();

  const submit = form.onSubmit((input) =>
    create.mutate(
      {
        ...input,
        name: input.name.trim(),
        email: input.email.trim(),
        memberId: input.role === "member" ? input.memberId : null,
      },
      {
        onSuccess: (account) => {
          notifySuccess(t("accounts.created", { email: account.email }));
          onClose();
        },
        onError: (error) => applyServerErrors(form, error),
      },
    ),
  );

  return (
    <Modal opened onClose={onClose} title={t("accounts.new")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("accounts.name")}
            withAsterisk
            {...form.getInputProps("name")}
            data-testid="account-name"
          />
          <TextInput
            label={t("accounts.email")}
            type="email"
            withAsterisk
            {...form.getInputProps("email")}
            data-testid="account-email"
          />
          <PasswordInput
            label={t("accounts.password")}
            description={t("accounts.passwordHelp")}
            withAsterisk
            {...form.getInputProps("password")}
            data-testid="account-password"
          />
          <Select
            label={t("accounts.role")}
            data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            {...form.getInputProps("role")}
            data-testid="account-role"
          />
          {values.role === "member" && (
            <MemberPicker
              label={t("accounts.company")}
              placeholder={t("accounts.companyPlaceholder")}
              withAsterisk
              value={values.memberId}
              onChange={(id) => form.setFieldValue("memberId", id)}
              error={form.errors.memberId}
              data-testid="account-member"
            />
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="account-save">
              {t("accounts.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
