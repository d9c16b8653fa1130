import { ActionIcon, Alert, Badge, Button, Group, Progress, Stack, Text } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { currentLocale } from "../../i18n";
import { type Format, useFormat } from "../../lib/format";
import { notifyError, notifySuccess } from "../members/notify";
import { type ActivityReport, type LabelIndicator, type Target, useNewsletterMutations } from "./api";
import { NewsletterModal } from "./NewsletterModal";
import { eurosOfCents, percent } from "./numbers";
import { Figure, Figures, FigureTable, ReportSectionCard, type SectionContext } from "./parts";

interface Props {
  report: ActivityReport;
  context: SectionContext;
}

export function BusinessSection({ report, context }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const b = report.business;
  return (
    <ReportSectionCard section="business" title={t("reports.sections.business")} context={context}>
      <Figures>
        <Figure
          label={t("reports.figures.meetingsHeld")}
          value={format.number(b.meetingsHeld)}
          testId="fig-business-meetings"
        />
        <Figure label={t("reports.figures.days")} value={format.number(b.days)} />
        <Figure label={t("reports.figures.followUps")} value={format.number(b.followUps)} />
        <Figure label={t("reports.figures.opportunities")} value={format.number(b.opportunities)} />
        <Figure label={t("reports.figures.businessBetweenMembers")} value={format.number(b.businessBetweenMembers)} />
        <Figure label={t("reports.figures.businessAmount")} value={eurosOfCents(format, b.businessAmountCents)} />
      </Figures>
      {b.opportunitiesPending && (
        <Text size="xs" c="dimmed" mb="sm">
          {t("reports.figures.opportunitiesPending")}
        </Text>
      )}
    </ReportSectionCard>
  );
}

export function CommunicationSection({ report, context }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { remove } = useNewsletterMutations();
  const [adding, setAdding] = useState(false);
  const c = report.communication;
  return (
    <ReportSectionCard section="communication" title={t("reports.sections.communication")} context={context}>
      {context.canEdit && (
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          onClick={() => setAdding(true)}
          mb="xs"
          data-testid="newsletter-add"
        >
          {t("reports.newsletters.add")}
        </Button>
      )}
      {adding && <NewsletterModal year={report.year} onClose={() => setAdding(false)} />}
      <Figures>
        <Figure
          label={t("reports.figures.newsletters")}
          value={format.number(c.newsletters)}
          testId="fig-newsletters"
        />
        <Figure label={t("reports.figures.directContacts")} value={format.number(report.contacts.direct)} />
        <Figure label={t("reports.figures.membersReached")} value={format.number(report.contacts.membersReached)} />
      </Figures>
      <FigureTable
        head={[t("reports.figures.newsletters"), ""]}
        rows={c.list.map((n) => ({
          key: n.id,
          cells: [
            <>
              <Text size="sm">{n.title}</Text>
              <Text size="xs" c="dimmed">
                {format.date(n.sentOn)}
              </Text>
            </>,
            <Group key="recipients" gap={4} justify="flex-end" wrap="nowrap">
              {n.recipients === null ? "" : t("reports.figures.recipients", { count: n.recipients })}
              {context.canEdit && (
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="red"
                  aria-label={t("common.delete")}
                  loading={remove.isPending && remove.variables === n.id}
                  onClick={() =>
                    remove.mutate(n.id, {
                      onSuccess: () => notifySuccess(t("reports.newsletters.deleted")),
                      onError: notifyError,
                    })
                  }
                >
                  <IconTrash size={14} />
                </ActionIcon>
              )}
            </Group>,
          ],
        }))}
      />
    </ReportSectionCard>
  );
}

export function FundingSection({ report, context }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const f = report.funding;
  return (
    <ReportSectionCard section="funding" title={t("reports.sections.funding")} context={context}>
      <Figures>
        <Figure label={t("reports.figures.dues")} value={eurosOfCents(format, f.duesCents)} testId="fig-dues" />
        <Figure label={t("reports.figures.grants")} value={eurosOfCents(format, f.grantsCents)} testId="fig-grants" />
        <Figure
          label={t("reports.figures.privateShare")}
          value={f.privateShare === null ? "—" : percent(format, f.privateShare)}
          testId="fig-private-share"
        />
      </Figures>
      <FigureTable
        head={[t("reports.figures.grant"), t("reports.figures.amount"), t("reports.figures.inYear")]}
        rows={f.grants.map((g) => ({
          key: g.id,
          cells: [
            <>
              <Text size="sm">{g.title}</Text>
              <Text size="xs" c="dimmed">
                {[g.funder, `${format.date(g.periodStart)} → ${format.date(g.periodEnd)}`, g.agreementRef, g.budgetLine]
                  .filter(Boolean)
                  .join(" · ")}
              </Text>
            </>,
            eurosOfCents(format, g.amountCents),
            eurosOfCents(format, g.inYearCents),
          ],
        }))}
      />
    </ReportSectionCard>
  );
}

/** One funded action: its target beside the actual figure, a bar green when met and red when not. */
export function TargetRow({ target, format }: { target: Target; format: Format }) {
  const { t } = useTranslation();
  const ratio = target.target ? target.actual / target.target : 1;
  const color = target.pending ? "gray" : target.met ? "teal" : "red";
  return (
    <Stack
      gap={4}
      data-testid="target-row"
      data-action-id={target.actionId}
      data-met={target.pending ? "pending" : String(target.met)}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={500}>
            {target.title}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`funding.indicator.${target.indicator}`)} · {target.grantTitle}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={650} c={`${color}.8`} style={{ fontVariantNumeric: "tabular-nums" }}>
            <span data-testid="target-actual">{target.pending ? "—" : format.number(target.actual)}</span>
            {" / "}
            <span data-testid="target-target">{format.number(target.target)}</span>
          </Text>
          <Badge size="sm" variant="light" color={color}>
            {target.pending
              ? t("reports.targets.pending")
              : target.met
                ? t("reports.targets.met")
                : t("reports.targets.notMet")}
          </Badge>
        </Group>
      </Group>
      <Progress
        size="md"
        color={color}
        value={target.pending ? 0 : Math.min(100, ratio * 100)}
        aria-label={`${t("reports.targets.actual")} ${target.actual} / ${t("reports.targets.target")} ${target.target}`}
      />
    </Stack>
  );
}

export function TargetsSection({ report, context }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ReportSectionCard section="targets" title={t("reports.sections.targets")} context={context}>
      {report.targets.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t("reports.targets.none")}
        </Text>
      ) : (
        <Stack gap="md" mb="md" data-testid="targets">
          {report.targets.map((target) => (
            <TargetRow key={target.actionId} target={target} format={format} />
          ))}
        </Stack>
      )}
    </ReportSectionCard>
  );
}

function labelValue(indicator: LabelIndicator, format: Format) {
  if (indicator.value === null) return "—";
  if (indicator.unit === "share") return percent(format, indicator.value);
  return indicator.unit === "per_member" ? format.decimal(indicator.value) : format.number(indicator.value);
}

export function LabelsSection({ report, context }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const english = currentLocale() === "en";
  return (
    <ReportSectionCard section="labels" title={t("reports.sections.labels")} context={context}>
      {report.labels.length === 0 ? (
        <Alert color="gray" mb="sm">
          {t("reports.labels.none")}
        </Alert>
      ) : (
        <FigureTable
          testId="labels-table"
          head={[t("reports.labels.indicator"), t("reports.labels.value")]}
          rows={report.labels.map((l) => ({
            key: l.key,
            cells: [
              <>
                <Text size="sm">{english ? l.labelEn : l.label}</Text>
                {l.detail && (
                  <Text size="xs" c="dimmed">
                    {l.detail}
                  </Text>
                )}
              </>,
              labelValue(l, format),
            ],
          }))}
        />
      )}
    </ReportSectionCard>
  );
}
