import { Button, Grid, Stack, Text } from "@mantine/core";
import { IconExternalLink } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Empty } from "../../ui/Empty";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { FullPageLoader } from "../../ui/FullPageLoader";
import { PageHeader } from "../../ui/PageHeader";
import { useCluster } from "../auth/cluster";
import { useMember } from "../members/api";
import { MemberForm } from "../members/MemberForm";
import { PeopleSection } from "../members/PeopleSection";

/** A member company keeps its own record current: its profile (no membership fields) and its people's consent. */
export default function MyCompanyPage() {
  const { t } = useTranslation();
  const cluster = useCluster();
  const member = useMember(cluster.memberId ?? undefined);
  if (!cluster.memberId) return <Empty title={t("myCompany.noCompany")} description={t("myCompany.noCompanyHelp")} />;
  if (member.isPending) return <FullPageLoader />;
  if (member.isError) return <ErrorDisplay error={member.error} onRetry={() => member.refetch()} />;
  const data = member.data;
  return (
    <>
      <PageHeader
        title={data.legalName}
        titleTestId="member-title"
        subtitle={t("myCompany.subtitle")}
        actions={
          <Button
            component={Link}
            to={cluster.path(`members/${data.id}`)}
            variant="default"
            leftSection={<IconExternalLink size={16} />}
          >
            {t("myCompany.viewProfile")}
          </Button>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <MemberForm
            key={data.id}
            member={data}
            staff={false}
            onSaved={() => undefined}
            onReload={async () => (await member.refetch()).data}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md" pos="sticky" top={68}>
            <PeopleSection member={data} consentSwitches />
            <Text size="xs" c="dimmed">
              {t("myCompany.consentHelp")}
            </Text>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
