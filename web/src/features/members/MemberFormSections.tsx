import {
  Anchor,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { DirectoryResult } from "../../api/types";
import { memberKinds } from "../../api/types";
import { Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import { useTrades } from "../reference/api";
import { CommuneSelect } from "../reference/CommuneSelect";
import { NafSelect } from "../reference/NafSelect";
import { TradeModal } from "../reference/TradeModal";
import type { MemberFormValues } from "./formModel";

type Form = UseFormReturnType<MemberFormValues>;

export function IdentitySection({ form, staff, nafLabel }: { form: Form; staff: boolean; nafLabel: string | null }) {
  const { t } = useTranslation();
  return (
    <Section title={t("form.sections.identity")}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t("member.fields.legalName")}
            withAsterisk
            {...form.getInputProps("legalName")}
            wrapperProps={{ "data-testid": "field-legalName" }}
          />
          <TextInput
            label={t("member.fields.tradeName")}
            {...form.getInputProps("tradeName")}
            wrapperProps={{ "data-testid": "field-tradeName" }}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: staff ? 3 : 2 }} spacing="sm">
          {staff && (
            <Select
              label={t("member.fields.kind")}
              data={memberKinds.map((k) => ({ value: k, label: t(`enums.kind.${k}`) }))}
              {...form.getInputProps("kind")}
              wrapperProps={{ "data-testid": "field-kind" }}
            />
          )}
          <TextInput
            label={t("member.fields.siren")}
            description={t("form.sirenHelp")}
            inputMode="numeric"
            {...form.getInputProps("siren")}
            wrapperProps={{ "data-testid": "field-siren" }}
          />
          <TextInput
            label={t("member.fields.siret")}
            description={t("form.siretHelp")}
            inputMode="numeric"
            {...form.getInputProps("siret")}
            wrapperProps={{ "data-testid": "field-siret" }}
          />
        </SimpleGrid>
        <NafSelect
          label={t("member.fields.naf")}
          placeholder={t("form.nafPlaceholder")}
          value={form.getValues().nafCode}
          selectedLabel={
            form.getValues().nafCode ? `${form.getValues().nafCode}${nafLabel ? ` · ${nafLabel}` : ""}` : null
          }
          onChange={(code) => form.setFieldValue("nafCode", code)}
          error={form.errors.nafCode}
          wrapperProps={{ "data-testid": "field-nafCode" }}
        />
      </Stack>
    </Section>
  );
}

function useCertificationSuggestions() {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["directory", cluster.slug, "facets-only"],
    queryFn: () => api.get<DirectoryResult>(`${cluster.apiPath("members")}?pageSize=1`),
    select: (result) => result.facets.certification.map((f) => f.value),
    staleTime: 5 * 60_000,
  });
}

export function ActivitySection({ form, staff }: { form: Form; staff: boolean }) {
  const { t } = useTranslation();
  const trades = useTrades();
  const certifications = useCertificationSuggestions();
  const [addingTrade, setAddingTrade] = useState(false);
  return (
    <Section title={t("form.sections.activity")}>
      <Stack gap="sm">
        <Textarea
          label={t("member.fields.description")}
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps("description")}
          wrapperProps={{ "data-testid": "field-description" }}
        />
        <MultiSelect
          label={t("member.fields.trades")}
          placeholder={t("form.tradesPlaceholder")}
          data={trades.options}
          searchable
          clearable
          hidePickedOptions
          {...form.getInputProps("trades")}
          wrapperProps={{ "data-testid": "field-trades" }}
          description={
            staff ? (
              <Anchor
                component="button"
                type="button"
                size="xs"
                onClick={() => setAddingTrade(true)}
                data-testid="trade-new"
              >
                {t("trades.add")}
              </Anchor>
            ) : undefined
          }
        />
        {addingTrade && (
          <TradeModal
            onClose={() => setAddingTrade(false)}
            onCreated={(trade) => form.setFieldValue("trades", [...form.getValues().trades, trade.code])}
          />
        )}
        <TagsInput
          label={t("member.fields.certifications")}
          description={t("form.tagsHelp")}
          data={certifications.data ?? []}
          clearable
          {...form.getInputProps("certifications")}
          wrapperProps={{ "data-testid": "field-certifications" }}
        />
        <TagsInput
          label={t("member.fields.equipment")}
          description={t("form.equipmentHelp")}
          clearable
          {...form.getInputProps("equipment")}
          wrapperProps={{ "data-testid": "field-equipment" }}
        />
      </Stack>
    </Section>
  );
}

export function ContactFormSection({ form, townLabel }: { form: Form; townLabel: string | null }) {
  const { t } = useTranslation();
  const values = form.getValues();
  return (
    <Section title={t("member.sections.contact")}>
      <Stack gap="sm">
        <TextInput
          label={t("member.fields.address")}
          {...form.getInputProps("addressLine")}
          wrapperProps={{ "data-testid": "field-addressLine" }}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <CommuneSelect
            label={t("member.fields.commune")}
            placeholder={t("form.communePlaceholder")}
            value={values.communeInsee}
            selectedLabel={townLabel}
            onChange={(commune, insee) => {
              form.setFieldValue("communeInsee", insee);
              form.setFieldValue("town", commune?.name ?? "");
              if (commune && !commune.postcodes.includes(form.getValues().postcode)) {
                form.setFieldValue("postcode", commune.postcodes[0] ?? "");
              }
              if (!insee) form.setFieldValue("postcode", "");
            }}
            error={form.errors.communeInsee}
            style={{ gridColumn: "span 2" }}
            wrapperProps={{ "data-testid": "field-commune" }}
          />
          <TextInput
            label={t("member.fields.postcode")}
            {...form.getInputProps("postcode")}
            wrapperProps={{ "data-testid": "field-postcode" }}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t("member.fields.website")}
            {...form.getInputProps("website")}
            wrapperProps={{ "data-testid": "field-website" }}
          />
          <TextInput
            label={t("member.fields.email")}
            type="email"
            {...form.getInputProps("email")}
            wrapperProps={{ "data-testid": "field-email" }}
          />
          <TextInput
            label={t("member.fields.phone")}
            type="tel"
            {...form.getInputProps("phone")}
            wrapperProps={{ "data-testid": "field-phone" }}
          />
        </SimpleGrid>
      </Stack>
    </Section>
  );
}

export function FiguresFormSection({ form }: { form: Form }) {
  const { t, i18n } = useTranslation();
  const french = !i18n.language.startsWith("en");
  return (
    <Section title={t("member.sections.figures")}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NumberInput
          hideControls
          label={t("member.fields.headcount")}
          min={0}
          allowDecimal={false}
          thousandSeparator={french ? " " : ","}
          {...form.getInputProps("headcount")}
          wrapperProps={{ "data-testid": "field-headcount" }}
        />
        <NumberInput
          hideControls
          label={t("member.fields.turnoverEur")}
          min={0}
          allowDecimal={false}
          thousandSeparator={french ? " " : ","}
          suffix=" €"
          {...form.getInputProps("turnoverEur")}
          wrapperProps={{ "data-testid": "field-turnoverEur" }}
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">
        {t("form.sizeClassHelp")}
      </Text>
    </Section>
  );
}
