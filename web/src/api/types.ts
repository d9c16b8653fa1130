/** JSON shapes of the Grappe API, written from the server contracts (src/modules/members/*.contract.ts…). */

export type Role = "staff" | "member" | "funder";
export type Visibility = "staff" | "members" | "public";
export type MemberKind = "company" | "school" | "lab" | "public_body" | "partner";
export type MembershipStatus = "prospect" | "member" | "former";
export type SizeClass = "micro" | "sme" | "midcap" | "large";
export type Locale = "fr" | "en";

export const memberKinds: MemberKind[] = ["company", "school", "lab", "public_body", "partner"];
export const membershipStatuses: MembershipStatus[] = ["prospect", "member", "former"];
export const sizeClasses: SizeClass[] = ["micro", "sme", "midcap", "large"];
export const visibilities: Visibility[] = ["staff", "members", "public"];
export const visibilityGroups = ["profile", "contact", "figures", "equipment"] as const;
export type VisibilityGroup = (typeof visibilityGroups)[number];

export interface Me {
  user: { id: string; name: string; email: string; platformAdmin: boolean; locale: string };
  clusters: ClusterMembership[];
}
export interface ClusterMembership {
  slug: string;
  name: string;
  role: Role;
  memberId: string | null;
}

export interface Person {
  id: string;
  firstName: string | null;
  lastName: string | null;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  listed: boolean;
  isMainContact: boolean;
  erased: boolean;
}
export interface PersonInput {
  firstName?: string | null;
  lastName: string;
  jobTitle?: string | null;
  email?: string | null;
  phone?: string | null;
  listed: boolean;
  isMainContact: boolean;
}

export interface Dues {
  year: number;
  amountCents: number;
  paidOn: string | null;
}

export interface Member {
  id: string;
  kind: MemberKind;
  legalName: string;
  tradeName: string | null;
  siren: string | null;
  siret: string | null;
  nafCode: string | null;
  nafLabel: string | null;
  town: string | null;
  department: string | null;
  communeInsee: string | null;
  trades: { code: string; label: string }[];
  status?: MembershipStatus;
  distanceKm?: number;
  roadMinutes?: number;
  profile?: { description: string | null; certifications: string[] };
  contact?: {
    addressLine: string | null;
    postcode: string | null;
    website: string | null;
    email: string | null;
    phone: string | null;
    lat: number | null;
    lon: number | null;
  };
  figures?: { headcount: number | null; turnoverEur: number | null; sizeClass: string | null };
  equipment?: string[];
  membership?: {
    status: MembershipStatus;
    joinedOn: string | null;
    leftOn: string | null;
    leaveReason: string | null;
    sponsor: { id: string; name: string } | null;
    dues: Dues[];
  };
  visibility?: Record<VisibilityGroup, Visibility>;
  people?: Person[];
  canEdit: boolean;
  version: number;
  updatedAt: string;
}

export interface MemberInput {
  kind?: MemberKind;
  legalName?: string;
  tradeName?: string | null;
  siren?: string | null;
  siret?: string | null;
  nafCode?: string | null;
  headcount?: number | null;
  turnoverEur?: number | null;
  addressLine?: string | null;
  postcode?: string | null;
  communeInsee?: string | null;
  town?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  description?: string | null;
  trades?: string[];
  certifications?: string[];
  equipment?: string[];
  status?: MembershipStatus;
  joinedOn?: string | null;
  leftOn?: string | null;
  leaveReason?: string | null;
  sponsorId?: string | null;
  visibility?: Partial<Record<VisibilityGroup, Visibility>>;
}
export type MemberPatch = MemberInput & { version: number };

export type FacetName = "trade" | "sizeClass" | "certification" | "department" | "status" | "kind";
export const facetNames: FacetName[] = ["status", "trade", "sizeClass", "certification", "department", "kind"];
export interface FacetValue {
  value: string;
  label: string;
  count: number;
}
export interface DirectoryResult {
  items: Member[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<FacetName, FacetValue[]>;
  origin: { insee: string; name: string; lat: number; lon: number; maxKm: number } | null;
}
export interface MapPoint {
  id: string;
  name: string;
  lat: number;
  lon: number;
  town: string | null;
}

/** One field of a history entry, by its API name (labelled with `history.fields.<field>`); `year` for dues. */
export interface HistoryChange {
  field: string;
  year?: number;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  changes: HistoryChange[];
}

export interface Trade {
  code: string;
  labelFr: string;
  labelEn: string;
}

export interface Commune {
  insee: string;
  name: string;
  department: string;
  postcodes: string[];
  lat: number | null;
  lon: number | null;
}
export interface NafCode {
  code: string;
  label: string;
}

export interface ColumnMapping {
  field: string;
  multiplier?: number;
  year?: number;
}
export interface ImportPreview {
  fileName: string;
  headers: string[];
  mapping: { index: number; header: string; field: string | null; multiplier?: number; year?: number }[];
  sample: string[][];
  rowCount: number;
  encoding: string | null;
  delimiter: string | null;
  sheetName: string | null;
  fields: { field: string; label: string }[];
}
export interface RejectedRow {
  row: number;
  reasons: string[];
  values: Record<string, string>;
}
export interface ImportResult {
  runId: string;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
}
export interface ImportRun {
  id: string;
  fileName: string;
  at: string;
  actor: string;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface Account {
  userId: string;
  name: string;
  email: string;
  role: Role;
  memberId: string | null;
  /** The member company's legal name, for a member account. */
  memberName: string | null;
}
export interface AccountInput {
  name: string;
  email: string;
  password: string;
  role: Role;
  memberId: string | null;
}
