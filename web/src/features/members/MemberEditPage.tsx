import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useParams } from "react-router";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { FullPageLoader } from "../../ui/FullPageLoader";
import { PageHeader } from "../../ui/PageHeader";
import { useCluster } from "../auth/cluster";
import { useMember } from "./api";
import { MemberForm } from "./MemberForm";

export default function MemberEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const cluster = useCluster();
  const navigate = useNavigate();
  const member = useMember(id);
  if (member.isPending) return <FullPageLoader />;
  if (member.isError) return <ErrorDisplay error={member.error} onRetry={() => member.refetch()} />;
  const data = member.data;
  if (!data.canEdit) return <Navigate to={cluster.path(`members/${data.id}`)} replace />;
  if (!cluster.isStaff && cluster.memberId === data.id) return <Navigate to={cluster.path("my-company")} replace />;
  const page = cluster.path(`members/${data.id}`);
  return (
    <>
      <PageHeader title={t("form.editTitle", { name: data.legalName })} titleTestId="member-title" />
      <MemberForm
        key={data.id}
        member={data}
        staff={cluster.isStaff}
        onSaved={() => navigate(page)}
        onCancel={() => navigate(page)}
        onReload={async () => (await member.refetch()).data}
      />
    </>
  );
}
