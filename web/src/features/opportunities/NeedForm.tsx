import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { DayField } from "../events/fields";
import { applyServerErrors } from "../members/notify";
import { useTrades } from "../reference/api";
import { CommuneSelect } from "../reference/CommuneSelect";
import { eurosToCents, type NeedInput, type OpportunityDetail } from "./api";

interface Values {
  title: string;
  description: string;
  buyerCompany: string;
  buyerContact: string;
  buyerEmail: string;
  buyerPhone: string;
  steps: string[];
  certifications: string[];
  volumes: string;
  deadline: string;
  siteCommuneInsee: string | null;
  maxTravelMinutes: number;
  amount: string;
}

const valuesOf = (o?: OpportunityDetail): Values => ({
  title: o?.title ?? "",
  description: o?.description ?? "",
  buyerCompany: o?.buyer.company ?? "",
  buyerContact: o?.buyer.contact ?? "",
  buyerEmail: o?.buyer.email ?? "",
  buyerPhone: o?.buyer.phone ?? "",
  steps: o?.steps.map((s) => s.code) ?? [],
  certifications: o?.certifications ?? [],
  volumes: o?.volumes ?? "",
  deadline: o?.deadline ?? "",
  siteCommuneInsee: o?.site?.insee ?? null,
  maxTravelMinutes: o?.maxTravelMinutes ?? 120,
  amount: o?.amountCents != null ? String(o.amountCents / 100).replace(".", ",") : "",
});

interface Props {
  opportunity?: OpportunityDetail;
  submitLabel: string;
  onSubmit: (input: NeedInput) => Promise<unknown>;
}

/** The buyer's need as staff qualify it: steps from the trades taxonomy, certifications, volumes, site. */
export function NeedForm({ opportunity, submitLabel, onSubmit }: Props) {
  const { t } = useTranslation();
  const trades = useTrades();
  const form = useForm<Values>({
    initialValues: valuesOf(opportunity),
    validate: {
      title: (v) => (v.trim().length < 5 ? t("opportunities.form.title") : null),
      amount: (v) => (Number.isNaN(eurosToCents(v)) ? t("opportunities.form.invalidAmount") : null),
    },
  });
  const submit = form.onSubmit(async (v) => {
    try {
      await onSubmit({
        title: v.title,
        description: v.description || null,
        buyerCompany: v.buyerCompany || null,
        buyerContact: v.buyerContact || null,
        buyerEmail: v.buyerEmail || null,
        buyerPhone: v.buyerPhone || null,
        steps: v.steps,
        certifications: v.certifications,
        volumes: v.volumes || null,
        deadline: v.deadline || null,
        siteCommuneInsee: v.siteCommuneInsee,
        maxTravelMinutes: v.maxTravelMinutes,
        amountCents: eurosToCents(v.amount),
      });
    } catch (error) {
      applyServerErrors(form, error, { amountCents: "amount" });
    }
  });
  return (
    <form onSubmit={submit} data-testid="need-form">
      <Stack gap="sm">
        <TextInput
          label={t("opportunities.form.title")}
          required
          {...form.getInputProps("title")}
          data-testid="need-title"
        />
        <Textarea
          label={t("opportunities.form.description")}
          autosize
          minRows={2}
          {...form.getInputProps("description")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t("opportunities.form.buyerCompany")} {...form.getInputProps("buyerCompany")} />
          <TextInput label={t("opportunities.form.buyerContact")} {...form.getInputProps("buyerContact")} />
          <TextInput label={t("opportunities.form.buyerEmail")} type="email" {...form.getInputProps("buyerEmail")} />
          <TextInput label={t("opportunities.form.buyerPhone")} {...form.getInputProps("buyerPhone")} />
        </SimpleGrid>
        <MultiSelect
          label={t("opportunities.form.steps")}
          description={t("opportunities.form.stepsHelp")}
          data={trades.options}
          searchable
          {...form.getInputProps("steps")}
          data-testid="need-steps"
        />
        <TagsInput
          label={t("opportunities.form.certifications")}
          description={t("opportunities.form.certificationsHelp")}
          {...form.getInputProps("certifications")}
          data-testid="need-certifications"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <CommuneSelect
            label={t("opportunities.form.site")}
            value={form.values.siteCommuneInsee}
            selectedLabel={opportunity?.site?.town ?? null}
            onChange={(_c, insee) => form.setFieldValue("siteCommuneInsee", insee)}
            error={form.errors.siteCommuneInsee}
            data-testid="need-site"
          />
          <NumberInput
            label={t("opportunities.form.maxTravel")}
            min={10}
            max={600}
            step={15}
            {...form.getInputProps("maxTravelMinutes")}
          />
          <TextInput label={t("opportunities.form.volumes")} {...form.getInputProps("volumes")} />
          <DayField
            label={t("opportunities.form.deadline")}
            value={form.values.deadline}
            onChange={(v) => form.setFieldValue("deadline", v)}
            error={form.errors.deadline}
          />
          <TextInput label={t("opportunities.form.amount")} inputMode="decimal" {...form.getInputProps("amount")} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting} data-testid="need-save">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
