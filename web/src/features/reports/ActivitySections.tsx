import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../lib/format";
import { programmeName } from "../programmes/names";
import type { ActivityReport } from "./api";
import { eurosOfCents, percent } from "./numbers";
import { Figure, Figures, FigureTable, ReportSectionCard, type SectionContext } from "./parts";

interface Props {
  report: ActivityReport;
  context: SectionContext;
}

export function SummarySection({ report, context }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const n = format.number;
  const enrolments = report.programmes.reduce((sum, p) => sum + p.members, 0);
  return (
    <ReportSectionCard section="summary" title={t("reports.sections.summary")} context={context}>
      <Figures>
        <Figure label={t("reports.figures.atEnd")} value={n(report.members.atEnd)} testId="fig-members-at-end" />
        <Figure label={t("reports.figures.held")} value={n(report.events.held)} testId="fig-summary-events" />
        <Figure label={t("reports.figures.attendance")} value={n(report.events.attendance)} />
        <Figure label={t("reports.figures.supportedMembers")} value={n(report.support.members)} />
        <Figure label={t("reports.figures.enrolments")} value={n(enrolments)} />
        <Figure label={t("reports.figures.meetingsHeld")} value={n(report.business.meetingsHeld)} />
        <Figure label={t("reports.figures.activeGroups")} value={n(report.groups.active)} />
        <Figure label={t("reports.figures.newsletters")} value={n(report.communication.newsletters)} />
      </Figures>
    </ReportSectionCard>
  );
}

export function MembersSection({ report, context }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const m = report.members;
  return (
    <ReportSectionCard section="members" title={t("reports.sections.members")} context={context}>
      <Figures>
        <Figure label={t("reports.figures.atStart")} value={format.number(m.atStart)} testId="fig-members-at-start" />
        <Figure label={t("reports.figures.joins")} value={format.number(m.joins)} testId="fig-members-joins" />
        <Figure label={t("reports.figures.leaves")} value={format.number(m.leaves)} testId="fig-members-leaves" />
        <Figure label={t("reports.figures.atEnd")} value={format.number(m.atEnd)} />
        <Figure
          label={t("reports.figures.retention")}
          value={m.retention === null ? "—" : percent(format, m.retention)}
          testId="fig-members-retention"
        />
      </Figures>
      <FigureTable
        head={[t("reports.figures.byKind"), t("reports.sections.members")]}
        rows={m.byKind.map((c) => ({
          key: c.key,
          cells: [t(`enums.kind.${c.key}` as never, { defaultValue: c.key }), format.number(c.count)],
        }))}
      />
      <FigureTable
        head={[t("reports.figures.bySize"), t("reports.sections.members")]}
        rows={m.bySize.map((c) => ({
          key: c.key,
          cells: [
            c.key === "unknown"
              ? t("reports.figures.unknownSize")
              : t(`enums.sizeClassLong.${c.key}` as never, { defaultValue: c.key }),
            format.number(c.count),
          ],
        }))}
      />
    </ReportSectionCard>
  );
}

export function EventsSection({ report, context }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const e = report.events;
  return (
    <ReportSectionCard section="events" title={t("reports.sections.events")} context={context}>
      <Figures>
        <Figure label={t("reports.figures.held")} value={format.number(e.held)} testId="fig-events-held" />
        <Figure
          label={t("reports.figures.attendance")}
          value={format.number(e.attendance)}
          testId="fig-events-attendance"
        />
        <Figure label={t("reports.figures.companies")} value={format.number(e.companies)} />
      </Figures>
      <FigureTable
        testId="events-by-kind"
        head={[t("reports.figures.kind"), t("reports.figures.held"), t("reports.figures.attendance")]}
        rows={e.byKind.map((k) => ({
          key: k.kind,
          cells: [
            t(`events.kinds.${k.kind}` as never, { defaultValue: k.kind }),
            format.number(k.held),
            format.number(k.attendance),
          ],
        }))}
      />
    </ReportSectionCard>
  );
}

export function GroupsSection({ report, context }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const g = report.groups;
  return (
    <ReportSectionCard section="groups" title={t("reports.sections.groups")} context={context}>
      <Figures>
        <Figure label={t("reports.figures.activeGroups")} value={format.number(g.active)} testId="fig-groups-active" />
        <Figure label={t("reports.figures.groupMeetings")} value={format.number(g.meetings)} />
      </Figures>
      <FigureTable
        head={[t("reports.figures.group"), t("reports.figures.groupMembers"), t("reports.figures.groupMeetings")]}
        rows={g.list.map((group) => ({
          key: group.id,
          cells: [
            <>
              <Text size="sm">{group.name}</Text>
              <Text size="xs" c="dimmed">
                {t(`groups.workstream.${group.workstream}` as never, { defaultValue: group.workstream })}
              </Text>
            </>,
            format.number(group.members),
            format.number(group.meetings),
          ],
        }))}
      />
    </ReportSectionCard>
  );
}

export function ProgrammesSection({ report, context }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = report.programmes.filter((p) => p.members > 0);
  return (
    <ReportSectionCard section="programmes" title={t("reports.sections.programmes")} context={context}>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t("reports.figures.none")}
        </Text>
      ) : (
        <FigureTable
          testId="programmes-table"
          head={[
            t("reports.figures.programme"),
            t("reports.figures.programmeMembers"),
            t("reports.figures.newMembers"),
            t("reports.figures.completed"),
          ]}
          rows={rows.map((p) => ({
            key: p.programmeId,
            cells: [
              <>
                <Text size="sm">{programmeName(p, t)}</Text>
                {p.partnerBodies.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {p.partnerBodies.join(", ")}
                  </Text>
                )}
              </>,
              format.number(p.members),
              format.number(p.newMembers),
              format.number(p.completed),
            ],
          }))}
        />
      )}
    </ReportSectionCard>
  );
}

export function SupportSection({ report, context }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const s = report.support;
  return (
    <ReportSectionCard section="support" title={t("reports.sections.support")} context={context}>
      <Figures>
        <Figure
          label={t("reports.figures.supportedMembers")}
          value={format.number(s.members)}
          testId="fig-support-members"
        />
        <Figure label={t("reports.figures.cases")} value={format.number(s.cases)} />
        <Figure label={t("reports.figures.granted")} value={format.number(s.granted)} />
        <Figure label={t("reports.figures.asked")} value={eurosOfCents(format, s.amountAskedCents)} />
        <Figure label={t("reports.figures.obtained")} value={eurosOfCents(format, s.amountObtainedCents)} />
      </Figures>
      <FigureTable
        head={[t("reports.figures.call"), t("reports.figures.cases")]}
        rows={s.calls.map((c) => ({ key: c.label, cells: [c.label, format.number(c.cases)] }))}
      />
    </ReportSectionCard>
  );
}
