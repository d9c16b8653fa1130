import { Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { membershipStatuses, visibilities, visibilityGroups } from "../../api/types";
import { Section } from "../../ui/Section";
import { MemberPicker } from "../reference/MemberPicker";
import type { MemberFormValues } from "./formModel";

type Form = UseFormReturnType<MemberFormValues>;

export function MembershipFormSection({
  form,
  memberId,
  sponsorName,
}: {
  form: Form;
  memberId: string | null;
  sponsorName: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Section title={t("member.sections.membership")}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t("member.fields.status")}
            data={membershipStatuses.map((s) => ({ value: s, label: t(`enums.status.${s}`) }))}
            {...form.getInputProps("status")}
            wrapperProps={{ "data-testid": "field-status" }}
          />
          <TextInput
            type="date"
            label={t("member.fields.joinedOn")}
            {...form.getInputProps("joinedOn")}
            wrapperProps={{ "data-testid": "field-joinedOn" }}
          />
          <TextInput
            type="date"
            label={t("member.fields.leftOn")}
            {...form.getInputProps("leftOn")}
            wrapperProps={{ "data-testid": "field-leftOn" }}
          />
        </SimpleGrid>
        <TextInput
          label={t("member.fields.leaveReason")}
          {...form.getInputProps("leaveReason")}
          wrapperProps={{ "data-testid": "field-leaveReason" }}
        />
        <MemberPicker
          label={t("member.fields.sponsor")}
          placeholder={t("form.sponsorPlaceholder")}
          value={form.getValues().sponsorId}
          selectedLabel={sponsorName}
          excludeId={memberId ?? undefined}
          onChange={(id) => form.setFieldValue("sponsorId", id)}
          error={form.errors.sponsorId}
          wrapperProps={{ "data-testid": "field-sponsor" }}
        />
      </Stack>
    </Section>
  );
}

export function VisibilityFormSection({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <Section title={t("member.sections.visibility")}>
      <Text size="xs" c="dimmed" mb="sm">
        {t("form.visibilityHelp")}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {visibilityGroups.map((group) => (
          <Select
            key={group}
            label={t(`enums.visibilityGroup.${group}`)}
            data={visibilities.map((v) => ({ value: v, label: t(`enums.visibilityLong.${v}`) }))}
            {...form.getInputProps(`visibility.${group}`)}
            wrapperProps={{ "data-testid": `field-visibility-${group}` }}
          />
        ))}
      </SimpleGrid>
    </Section>
  );
}
