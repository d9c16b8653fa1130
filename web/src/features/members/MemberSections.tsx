import { Anchor, Badge, Group, List, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Member } from "../../api/types";
import { visibilityGroups } from "../../api/types";
import { formatSirenOrSiret, useFormat } from "../../lib/format";
import { Field, Section } from "../../ui/Section";
import { TradeBadges, VisibilityBadge } from "./badges";

function Hidden() {
  const { t } = useTranslation();
  return (
    <Group gap={6} c="dimmed">
      <IconLock size={14} />
      <Text size="sm">{t("member.hidden")}</Text>
    </Group>
  );
}

export function ProfileSection({ member }: { member: Member }) {
  const { t } = useTranslation();
  return (
    <Section title={t("member.sections.profile")} testId="section-profile">
      <Stack gap="md">
        {member.profile ? (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }} c={member.profile.description ? undefined : "dimmed"}>
            {member.profile.description || t("member.noDescription")}
          </Text>
        ) : (
          <Hidden />
        )}
        <Field label={t("member.fields.trades")}>
          {member.trades.length > 0 && <TradeBadges trades={member.trades} max={20} />}
        </Field>
        {member.profile && (
          <Field label={t("member.fields.certifications")}>
            {member.profile.certifications.length > 0 && (
              <Group gap={4}>
                {member.profile.certifications.map((c) => (
                  <Badge key={c} color="gray" variant="outline">
                    {c}
                  </Badge>
                ))}
              </Group>
            )}
          </Field>
        )}
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <Field label={t("member.fields.naf")}>
            {member.nafCode && (
              <>
                <Text span size="sm" ff="monospace">
                  {member.nafCode}
                </Text>
                {member.nafLabel && (
                  <Text size="xs" c="dimmed">
                    {member.nafLabel}
                  </Text>
                )}
              </>
            )}
          </Field>
          <Field label={t("member.fields.siren")}>
            {member.siren && (
              <Text span size="sm" ff="monospace" data-testid="member-siren">
                {formatSirenOrSiret(member.siren)}
              </Text>
            )}
          </Field>
          <Field label={t("member.fields.siret")}>
            {member.siret && (
              <Text span size="sm" ff="monospace" data-testid="member-siret">
                {formatSirenOrSiret(member.siret)}
              </Text>
            )}
          </Field>
        </SimpleGrid>
      </Stack>
    </Section>
  );
}

const websiteHref = (url: string) => (/^https?:\/\//i.test(url) ? url : `https://${url}`);

export function ContactSection({ member }: { member: Member }) {
  const { t } = useTranslation();
  const contact = member.contact;
  return (
    <Section title={t("member.sections.contact")} testId="section-contact">
      {!contact ? (
        <Hidden />
      ) : (
        <Stack gap="sm">
          <Field label={t("member.fields.address")}>
            {(contact.addressLine || contact.postcode || member.town) && (
              <>
                {contact.addressLine && <div>{contact.addressLine}</div>}
                <div>{[contact.postcode, member.town].filter(Boolean).join(" ")}</div>
              </>
            )}
          </Field>
          <Field label={t("member.fields.website")}>
            {contact.website && (
              <Anchor href={websiteHref(contact.website)} target="_blank" rel="noreferrer" size="sm">
                {contact.website.replace(/^https?:\/\//, "")}
              </Anchor>
            )}
          </Field>
          <Field label={t("member.fields.email")}>
            {contact.email && (
              <Anchor href={`mailto:${contact.email}`} size="sm">
                {contact.email}
              </Anchor>
            )}
          </Field>
          <Field label={t("member.fields.phone")}>
            {contact.phone && (
              <Anchor href={`tel:${contact.phone.replace(/\s/g, "")}`} size="sm">
                {contact.phone}
              </Anchor>
            )}
          </Field>
        </Stack>
      )}
    </Section>
  );
}

export function FiguresSection({ member }: { member: Member }) {
  const { t } = useTranslation();
  const format = useFormat();
  const figures = member.figures;
  return (
    <Section title={t("member.sections.figures")} testId="section-figures">
      {!figures ? (
        <Hidden />
      ) : (
        <SimpleGrid cols={3} spacing="md">
          <Field label={t("member.fields.headcount")}>
            {figures.headcount !== null && format.number(figures.headcount)}
          </Field>
          <Field label={t("member.fields.turnover")}>
            {figures.turnoverEur !== null && (
              <span data-testid="member-turnover">{format.euros(figures.turnoverEur)}</span>
            )}
          </Field>
          <Field label={t("member.fields.sizeClass")}>
            {figures.sizeClass && t(`enums.sizeClass.${figures.sizeClass}`, { defaultValue: figures.sizeClass })}
          </Field>
        </SimpleGrid>
      )}
    </Section>
  );
}

export function EquipmentSection({ member }: { member: Member }) {
  const { t } = useTranslation();
  return (
    <Section title={t("member.sections.equipment")} testId="section-equipment">
      {!member.equipment ? (
        <Hidden />
      ) : member.equipment.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("member.noEquipment")}
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {member.equipment.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}

export function VisibilitySection({ member }: { member: Member }) {
  const { t } = useTranslation();
  const visibility = member.visibility;
  if (!visibility) return null;
  return (
    <Section title={t("member.sections.visibility")} testId="section-visibility">
      <Text size="xs" c="dimmed" mb="sm">
        {t("member.visibilityHelp")}
      </Text>
      <Stack gap={8}>
        {visibilityGroups.map((group) => (
          <Group key={group} justify="space-between">
            <Text size="sm">{t(`enums.visibilityGroup.${group}`)}</Text>
            <VisibilityBadge value={visibility[group]} />
          </Group>
        ))}
      </Stack>
    </Section>
  );
}
