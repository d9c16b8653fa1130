import { createContext, type ReactNode, useContext } from "react";
import type { ClusterMembership, Me } from "../../api/types";

export interface ClusterValue extends ClusterMembership {
  me: Me;
  isStaff: boolean;
  /** Path inside the cluster: path("members") → "/c/demo/members". */
  path: (sub?: string) => string;
  /** API path inside the cluster: apiPath("members") → "/clusters/demo/members". */
  apiPath: (sub?: string) => string;
}

const ClusterContext = createContext<ClusterValue | null>(null);

export function makeCluster(me: Me, membership: ClusterMembership): ClusterValue {
  const slug = encodeURIComponent(membership.slug);
  const join = (base: string, sub?: string) => (sub ? `${base}/${sub.replace(/^\//, "")}` : base);
  return {
    ...membership,
    me,
    isStaff: membership.role === "staff",
    path: (sub) => join(`/c/${slug}`, sub),
    apiPath: (sub) => join(`/clusters/${slug}`, sub),
  };
}

export function ClusterProvider({ value, children }: { value: ClusterValue; children: ReactNode }) {
  return <ClusterContext.Provider value={value}>{children}</ClusterContext.Provider>;
}

export function useCluster(): ClusterValue {
  const value = useContext(ClusterContext);
  if (!value) throw new Error("useCluster outside a cluster route");
  return value;
}
