import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconCrown } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../lib/format";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { DayField } from "../events/fields";
import { notifyError, notifySuccess } from "../members/notify";
import { MemberPicker } from "../reference/MemberPicker";
import { eurosToCents, type Invitation, type Mine, useMine, useOpportunityMutations } from "./api";

function InvitationCard({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { answer } = useOpportunityMutations();
  const [comment, setComment] = useState("");
  const i = invitation;
  const reply = (accept: boolean) =>
    answer.mutate(
      { invitationId: i.id, accept, comment },
      {
        onSuccess: () => notifySuccess(t(accept ? "opportunities.mine.accepted" : "opportunities.mine.declinedDone")),
        onError: notifyError,
      },
    );
  return (
    <Paper withBorder radius="md" p="sm" data-testid="invitation">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={650}>{i.opportunity.title}</Text>
          <Text size="xs" c="dimmed">
            {[
              i.opportunity.siteTown,
              i.opportunity.deadline && format.date(i.opportunity.deadline),
              i.opportunity.volumes,
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        </div>
        <Badge variant="light" data-testid="invitation-status">
          {t(`opportunities.consortium.answer.${i.status}`)}
        </Badge>
      </Group>
      {i.opportunity.description && (
        <Text size="sm" mt={4} lineClamp={3}>
          {i.opportunity.description}
        </Text>
      )}
      {i.isLeader && (
        <Group gap={4} mt={6}>
          <IconCrown size={14} />
          <Text size="sm" fw={600}>
            {t("opportunities.mine.asLeader")}
          </Text>
        </Group>
      )}
      {i.steps.length > 0 && (
        <Text size="sm" mt={4}>
          {t("opportunities.mine.yourSteps", { steps: i.steps.map((s) => s.label).join(", ") })}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {t("opportunities.mine.teamWith", { names: i.team.map((c) => c.name).join(", ") })}
      </Text>
      {i.status === "invited" && (
        <Stack gap="xs" mt="xs">
          <Textarea
            placeholder={t("opportunities.mine.comment")}
            aria-label={t("opportunities.mine.comment")}
            autosize
            minRows={1}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button
              variant="default"
              color="red"
              onClick={() => reply(false)}
              loading={answer.isPending}
              data-testid="invitation-decline"
            >
              {t("opportunities.mine.decline")}
            </Button>
            <Button onClick={() => reply(true)} loading={answer.isPending} data-testid="invitation-accept">
              {t("opportunities.mine.accept")}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

function PassLeadForm({ mine }: { mine: Mine }) {
  const { t } = useTranslation();
  const { passLead } = useOpportunityMutations();
  const [to, setTo] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  const [buyer, setBuyer] = useState("");
  const [description, setDescription] = useState("");
  return (
    <Paper withBorder radius="md" p="sm">
      <Title order={2} fz="md" mb="xs">
        {t("opportunities.mine.pass")}
      </Title>
      <Stack gap="xs">
        <MemberPicker
          label={t("opportunities.mine.passTo")}
          value={to}
          onChange={(id) => setTo(id)}
          excludeId={mine.company?.id}
        />
        <TextInput
          label={t("opportunities.form.title")}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <TextInput
          label={t("opportunities.form.buyerCompany")}
          value={buyer}
          onChange={(e) => setBuyer(e.currentTarget.value)}
        />
        <Textarea
          label={t("opportunities.form.description")}
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button
            disabled={!to}
            loading={passLead.isPending}
            onClick={() =>
              to &&
              passLead.mutate(
                { toMemberId: to, title, buyerCompany: buyer || null, description: description || null },
                {
                  onSuccess: () => {
                    notifySuccess(t("opportunities.mine.passed"));
                    setTitle("");
                    setBuyer("");
                    setDescription("");
                  },
                  onError: notifyError,
                },
              )
            }
          >
            {t("opportunities.mine.pass")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Declares business done with another member; staff name the declaring company too. */
export function DeclareDealForm({ excludeId, asStaff = false }: { excludeId?: string; asStaff?: boolean }) {
  const { t } = useTranslation();
  const { declareDeal } = useOpportunityMutations();
  const [company, setCompany] = useState<string | null>(null);
  const [partner, setPartner] = useState<string | null>(null);
  const [amount, setAmount] = useState("");
  const [doneOn, setDoneOn] = useState("");
  const [description, setDescription] = useState("");
  return (
    <Paper withBorder radius="md" p="sm" data-testid="deal-form">
      <Title order={2} fz="md" mb="xs">
        {t("opportunities.mine.declare")}
      </Title>
      <Stack gap="xs">
        {asStaff && (
          <MemberPicker label={t("opportunities.mine.company")} value={company} onChange={(id) => setCompany(id)} />
        )}
        <MemberPicker
          label={t("opportunities.mine.partner")}
          value={partner}
          onChange={(id) => setPartner(id)}
          excludeId={excludeId}
        />
        <SimpleGrid cols={2} spacing="xs">
          <TextInput
            label={t("opportunities.form.amount")}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
          />
          <DayField label={t("opportunities.mine.doneOn")} value={doneOn} onChange={setDoneOn} />
        </SimpleGrid>
        <TextInput
          label={t("opportunities.form.description")}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button
            disabled={!partner}
            loading={declareDeal.isPending}
            onClick={() => {
              const cents = eurosToCents(amount);
              if (cents === null || Number.isNaN(cents))
                return notifyError(new Error(t("opportunities.form.invalidAmount")));
              declareDeal.mutate(
                {
                  partnerMemberId: partner!,
                  amountCents: cents,
                  doneOn,
                  description: description || null,
                  memberId: asStaff ? company : undefined,
                },
                {
                  onSuccess: () => {
                    notifySuccess(t("opportunities.mine.declared"));
                    setAmount("");
                    setDescription("");
                  },
                  onError: notifyError,
                },
              );
            }}
          >
            {t("opportunities.mine.declare")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export default function MyOpportunitiesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const mine = useMine();
  const { deleteDeal } = useOpportunityMutations();
  const m = mine.data;
  if (mine.isError) return <ErrorDisplay error={mine.error} onRetry={() => mine.refetch()} />;
  if (!m) return <Skeleton h={300} radius="md" />;
  return (
    <Stack gap="md">
      <PageHeader title={t("opportunities.mine.title")} subtitle={t("opportunities.mine.subtitle")} />
      {!m.company && <Alert color="orange">{t("opportunities.mine.noCompany")}</Alert>}
      <Title order={2} fz="md">
        {t("opportunities.mine.invitations")}
      </Title>
      {m.invitations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("opportunities.mine.noInvitations")}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="invitations">
          {m.invitations.map((i) => (
            <InvitationCard key={i.id} invitation={i} />
          ))}
        </Stack>
      )}
      {m.company && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <PassLeadForm mine={m} />
          <DeclareDealForm excludeId={m.company.id} />
        </SimpleGrid>
      )}
      {(m.referralsReceived.length > 0 || m.referralsSent.length > 0) && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Paper withBorder radius="md" p="sm">
            <Title order={3} fz="sm" mb="xs">
              {t("opportunities.mine.received")}
            </Title>
            {m.referralsReceived.map((r) => (
              <Text key={r.id} size="sm">
                {r.title} — {r.referredBy?.name} · {r.buyer.company ?? ""} · {t(`opportunities.stages.${r.stage}`)}
              </Text>
            ))}
          </Paper>
          <Paper withBorder radius="md" p="sm">
            <Title order={3} fz="sm" mb="xs">
              {t("opportunities.mine.sent")}
            </Title>
            {m.referralsSent.map((r) => (
              <Text key={r.id} size="sm">
                {r.title} · {t(`opportunities.stages.${r.stage}`)} · {format.date(r.createdAt)}
              </Text>
            ))}
          </Paper>
        </SimpleGrid>
      )}
      <Title order={2} fz="md">
        {t("opportunities.mine.deals")}
      </Title>
      {m.deals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("opportunities.mine.noDeals")}
        </Text>
      ) : (
        <Table fz="sm" data-testid="deals">
          <Table.Tbody>
            {m.deals.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{format.date(d.doneOn)}</Table.Td>
                <Table.Td>
                  {d.company.name} ↔ {d.partner.name}
                </Table.Td>
                <Table.Td>{d.description}</Table.Td>
                <Table.Td ta="right">{format.cents(d.amountCents)}</Table.Td>
                <Table.Td w={90}>
                  {d.canDelete && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => deleteDeal.mutate(d.id, { onError: notifyError })}
                    >
                      {t("opportunities.mine.withdraw")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
