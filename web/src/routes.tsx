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
            <Route path="*" element={<NotFound />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
