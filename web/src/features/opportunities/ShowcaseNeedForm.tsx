import { Alert, Box, Button, MultiSelect, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconCircleCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { RemoteSelect } from "../../ui/RemoteSelect";
import { DayField } from "../events/fields";
import { errorText } from "../members/notify";
import { type PublicCommune, showcaseCommunes, submitShowcaseNeed } from "./showcaseApi";

interface Values {
  company: string;
  contactName: string;
  email: string;
  phone: string;
  title: string;
  description: string;
  steps: string[];
  certifications: string[];
  volumes: string;
  deadline: string;
  siteCommuneInsee: string | null;
  website: string;
}

const empty: Values = {
  company: "",
  contactName: "",
  email: "",
  phone: "",
  title: "",
  description: "",
  steps: [],
  certifications: [],
  volumes: "",
  deadline: "",
  siteCommuneInsee: null,
  website: "",
};

/** "Submit your need": a buyer, without an account, leaves a lead for the staff. */
export function ShowcaseNeedForm({ slug, trades }: { slug: string; trades: { code: string; label: string }[] }) {
  const { t } = useTranslation();
  const [reference, setReference] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: empty });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await submitShowcaseNeed(slug, {
        ...values,
        phone: values.phone || null,
        description: values.description || null,
        volumes: values.volumes || null,
        deadline: values.deadline || null,
      });
      setReference(result.reference);
      form.reset();
    } catch (error) {
      if (error instanceof ApiError && error.fields.length) {
        form.setErrors(Object.fromEntries(error.fields.map((f) => [f.field, f.message])));
      }
      setFailure(errorText(error));
    }
  });
  if (reference)
    return (
      <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="showcase-sent">
        {t("opportunities.public.sent", { reference })}
        <Box mt="sm">
          <Button size="xs" variant="light" onClick={() => setReference(null)}>
            {t("opportunities.public.another")}
          </Button>
        </Box>
      </Alert>
    );
  return (
    <form onSubmit={submit} noValidate data-testid="showcase-need-form">
      <Stack gap="sm">
        {failure && (
          <Alert color="red" data-testid="showcase-error">
            {failure}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t("opportunities.public.company")}
            required
            {...form.getInputProps("company")}
            data-testid="sn-company"
          />
          <TextInput
            label={t("opportunities.public.contactName")}
            required
            {...form.getInputProps("contactName")}
            data-testid="sn-contact"
          />
          <TextInput
            label={t("opportunities.public.email")}
            type="email"
            required
            {...form.getInputProps("email")}
            data-testid="sn-email"
          />
          <TextInput label={t("opportunities.public.phone")} {...form.getInputProps("phone")} />
        </SimpleGrid>
        <TextInput
          label={t("opportunities.form.title")}
          required
          {...form.getInputProps("title")}
          data-testid="sn-title"
        />
        <Textarea
          label={t("opportunities.form.description")}
          autosize
          minRows={3}
          {...form.getInputProps("description")}
          data-testid="sn-description"
        />
        <MultiSelect
          label={t("opportunities.form.steps")}
          description={t("opportunities.form.stepsHelp")}
          data={trades.map((x) => ({ value: x.code, label: x.label }))}
          searchable
          {...form.getInputProps("steps")}
          data-testid="sn-steps"
        />
        <TagsInput
          label={t("opportunities.form.certifications")}
          description={t("opportunities.form.certificationsHelp")}
          {...form.getInputProps("certifications")}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={t("opportunities.form.volumes")} {...form.getInputProps("volumes")} />
          <DayField
            label={t("opportunities.form.deadline")}
            value={form.values.deadline}
            onChange={(v) => form.setFieldValue("deadline", v)}
            error={form.errors.deadline}
          />
          <RemoteSelect<PublicCommune>
            label={t("opportunities.form.site")}
            queryKey={`showcase-communes-${slug}`}
            minChars={2}
            load={async (q) =>
              (await showcaseCommunes(slug, q)).map((c) => ({
                value: c.insee,
                label: `${c.name} (${c.department})${c.postcodes[0] ? ` · ${c.postcodes[0]}` : ""}`,
                item: c,
              }))
            }
            value={form.values.siteCommuneInsee}
            onChange={(insee) => form.setFieldValue("siteCommuneInsee", insee)}
            error={form.errors.siteCommuneInsee}
            data-testid="sn-site"
          />
        </SimpleGrid>
        {/* Honeypot: out of sight and of the tab order; a robot filling every field gives itself away. */}
        <Box
          style={{ position: "absolute", left: "-10000px", width: 1, height: 1, overflow: "hidden" }}
          aria-hidden="true"
        >
          <TextInput
            label={t("opportunities.public.honeypot")}
            tabIndex={-1}
            autoComplete="off"
            {...form.getInputProps("website")}
          />
        </Box>
        <Button type="submit" loading={form.submitting} data-testid="sn-send">
          {t("opportunities.public.send")}
        </Button>
      </Stack>
    </form>
  );
}
