import { lazy, type ReactNode, Suspense } from "react";
import { Navigate, Route, Routes } from "react-router";
import type { Role } from "./api/types";
import { useCluster } from "./features/auth/cluster";
import { LoginPage } from "./features/auth/LoginPage";
import { HomeRedirect, RequireAuth } from "./features/auth/RequireAuth";
import { DirectoryPage } from "./features/directory/DirectoryPage";
import { ClusterLayout } from "./ui/AppLayout";
import { FullPageLoader } from "./ui/FullPageLoader";
import { NotFound } from "./ui/NotFound";

const DashboardPage = lazy(() => import("./features/dashboard/DashboardPage"));
const MemberPage = lazy(() => import("./features/members/MemberPage"));
const MemberEditPage = lazy(() => import("./features/members/MemberEditPage"));
const MemberCreatePage = lazy(() => import("./features/members/MemberCreatePage"));
const ImportPage = lazy(() => import("./features/import/ImportPage"));
const MyCompanyPage = lazy(() => import("./features/account/MyCompanyPage"));
const AccountsPage = lazy(() => import("./features/accounts/AccountsPage"));
const GroupsPage = lazy(() => import("./features/groups/GroupsPage"));
const GroupPage = lazy(() => import("./features/groups/GroupPage"));
const NeedsPage = lazy(() => import("./features/needs/NeedsPage"));
const NeedPage = lazy(() => import("./features/needs/NeedPage"));
const OpportunitiesBoardPage = lazy(() => import("./features/opportunities/BoardPage"));
const OpportunityPage = lazy(() => import("./features/opportunities/OpportunityPage"));
const MyOpportunitiesPage = lazy(() => import("./features/opportunities/MyOpportunitiesPage"));
const ShowcasePage = lazy(() => import("./features/opportunities/ShowcasePage"));
const MeetingDaysPage = lazy(() => import("./features/meetings/MeetingDaysPage"));
const MeetingDayPage = lazy(() => import("./features/meetings/MeetingDayPage"));
const MeetingAgendaPage = lazy(() => import("./features/meetings/AgendaView"));
const OutboxPage = lazy(() => import("./features/outbox/OutboxPage"));
const EventsPage = lazy(() => import("./features/events/EventsPage"));
const OccurrencePage = lazy(() => import("./features/events/OccurrencePage"));
const CheckInPage = lazy(() => import("./features/events/CheckInPage"));
const EventCreatePage = lazy(() =>
  import("./features/events/EventFormPage").then((m) => ({ default: m.EventCreatePage })),
);
const EventEditPage = lazy(() => import("./features/events/EventFormPage").then((m) => ({ default: m.EventEditPage })));
const ToCallPage = lazy(() => import("./features/contacts/ToCallPage"));
const EngagementPage = lazy(() => import("./features/engagement/EngagementPage"));
const ProgrammesPage = lazy(() => import("./features/programmes/ProgrammesPage"));
const FundingCallsPage = lazy(() => import("./features/funding/FundingCallsPage"));
const FundersPage = lazy(() => import("./features/funding/FundersPage"));
const ReportPage = lazy(() => import("./features/reports/ReportPage"));

/** Renders its page only for the given roles; others go to the cluster's home. */
function Allow({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const cluster = useCluster();
  if (!roles.includes(cluster.role)) return <Navigate to={cluster.path()} replace />;
  return children;
}

/** The cluster's home: the dashboard for staff and funders, the directory for a member company. */
function ClusterHome() {
  const cluster = useCluster();
  if (cluster.role === "member") return <Navigate to={cluster.path("members")} replace />;
  return <DashboardPage />;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<FullPageLoader />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {/* A cluster's public showcase: no sign-in. */}
        <Route path="/vitrine/:slug" element={<ShowcasePage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<HomeRedirect />} />
          <Route path="c/:slug" element={<ClusterLayout />}>
            <Route index element={<ClusterHome />} />
            <Route
              path="members"
              element={
                <Allow roles={["staff", "member"]}>
                  <DirectoryPage />
                </Allow>
              }
            />
            <Route
              path="members/new"
              element={
                <Allow roles={["staff"]}>
                  <MemberCreatePage />
                </Allow>
              }
            />
            <Route
              path="members/:id"
              element={
                <Allow roles={["staff", "member"]}>
                  <MemberPage />
                </Allow>
              }
            />
            <Route
              path="members/:id/edit"
              element={
                <Allow roles={["staff", "member"]}>
                  <MemberEditPage />
                </Allow>
              }
            />
            <Route
              path="import"
              element={
                <Allow roles={["staff"]}>
                  <ImportPage />
                </Allow>
              }
            />
            <Route
              path="my-company"
              element={
                <Allow roles={["member"]}>
                  <MyCompanyPage />
                </Allow>
              }
            />
            <Route
              path="accounts"
              element={
                <Allow roles={["staff"]}>
                  <AccountsPage />
                </Allow>
              }
            />
            <Route
              path="outbox"
              element={
                <Allow roles={["staff"]}>
                  <OutboxPage />
                </Allow>
              }
            />
            <Route
              path="to-call"
              element={
                <Allow roles={["staff"]}>
                  <ToCallPage />
                </Allow>
              }
            />
            <Route
              path="engagement"
              element={
                <Allow roles={["staff"]}>
                  <EngagementPage />
                </Allow>
              }
            />
            <Route
              path="programmes"
              element={
                <Allow roles={["staff"]}>
                  <ProgrammesPage />
                </Allow>
              }
            />
            <Route
              path="funding-calls"
              element={
                <Allow roles={["staff"]}>
                  <FundingCallsPage />
                </Allow>
              }
            />
            <Route
              path="funders"
              element={
                <Allow roles={["staff"]}>
                  <FundersPage />
                </Allow>
              }
            />
            <Route
              path="report"
              element={
                <Allow roles={["staff", "funder"]}>
                  <ReportPage />
                </Allow>
              }
            />
            <Route
              path="events"
              element={
                <Allow roles={["staff", "member"]}>
                  <EventsPage />
                </Allow>
              }
            />
            <Route
              path="events/new"
              element={
                <Allow roles={["staff"]}>
                  <EventCreatePage />
                </Allow>
              }
            />
            <Route
              path="events/:eventId/edit"
              element={
                <Allow roles={["staff"]}>
                  <EventEditPage />
                </Allow>
              }
            />
            <Route
              path="occurrences/:id"
              element={
                <Allow roles={["staff", "member"]}>
                  <OccurrencePage />
                </Allow>
              }
            />
            <Route
              path="occurrences/:id/check-in"
              element={
                <Allow roles={["staff"]}>
                  <CheckInPage />
                </Allow>
              }
            />
            <Route
              path="groups"
              element={
                <Allow roles={["staff", "member"]}>
                  <GroupsPage />
                </Allow>
              }
            />
            <Route
              path="groups/:id"
              element={
                <Allow roles={["staff", "member"]}>
                  <GroupPage />
                </Allow>
              }
            />
            <Route
              path="needs"
              element={
                <Allow roles={["staff", "member"]}>
                  <NeedsPage />
                </Allow>
              }
            />
            <Route
              path="needs/:id"
              element={
                <Allow roles={["staff", "member"]}>
                  <NeedPage />
                </Allow>
              }
            />
            <Route
              path="opportunities"
              element={
                <Allow roles={["staff"]}>
                  <OpportunitiesBoardPage />
                </Allow>
              }
            />
            <Route
              path="opportunities/:id"
              element={
                <Allow roles={["staff"]}>
                  <OpportunityPage />
                </Allow>
              }
            />
            <Route
              path="my-opportunities"
              element={
                <Allow roles={["member"]}>
                  <MyOpportunitiesPage />
                </Allow>
              }
            />
            <Route
              path="meetings"
              element={
                <Allow roles={["staff", "member"]}>
                  <MeetingDaysPage />
                </Allow>
              }
            />
            <Route
              path="meetings/:eventId"
              element={
                <Allow roles={["staff", "member"]}>
                  <MeetingDayPage />
                </Allow>
              }
            />
            <Route
              path="meetings/:eventId/agenda/:participantId"
              element={
                <Allow roles={["staff", "member"]}>
                  <MeetingAgendaPage />
                </Allow>
              }
            />
            <Route path="*" element={<NotFound />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
