CREATE TABLE "funders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'other' NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funders_cluster_name" UNIQUE("cluster_id","name")
);
--> statement-breakpoint
ALTER TABLE "funders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "funding_call_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"notified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "funding_call_notices_call_member" UNIQUE("call_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "funding_call_notices" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "funding_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"funder_id" uuid,
	"funder_name" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"size_classes" text[] DEFAULT '{}'::text[] NOT NULL,
	"naf_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"departments" text[] DEFAULT '{}'::text[] NOT NULL,
	"opens_on" date,
	"closes_on" date NOT NULL,
	"url" text,
	"reminder_days" integer DEFAULT 7 NOT NULL,
	"notified_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "funding_calls" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "grant_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"indicator" text NOT NULL,
	"filter" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"target" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "grant_actions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"funder_id" uuid NOT NULL,
	"title" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"agreement_ref" text,
	"budget_line" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "grants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "programme_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"enrolled_on" date NOT NULL,
	"ended_on" date,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"outcome" text,
	"partner_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_enrolments_once" UNIQUE("programme_id","member_id","enrolled_on")
);
--> statement-breakpoint
ALTER TABLE "programme_enrolments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"description" text,
	"partner_body" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_cluster_code" UNIQUE("cluster_id","code")
);
--> statement-breakpoint
ALTER TABLE "programmes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "support_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"call_id" uuid,
	"call_label" text,
	"opened_on" date NOT NULL,
	"status" text DEFAULT 'preparing' NOT NULL,
	"amount_asked_cents" bigint,
	"amount_obtained_cents" bigint,
	"partner_body" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "support_cases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "newsletters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"sent_on" date NOT NULL,
	"title" text NOT NULL,
	"recipients" integer,
	"url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "newsletters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "report_narratives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"funder_id" uuid,
	"section" text NOT NULL,
	"body" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_narratives_section" UNIQUE NULLS NOT DISTINCT("cluster_id","year","funder_id","section")
);
--> statement-breakpoint
ALTER TABLE "report_narratives" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "funders" ADD CONSTRAINT "funders_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_call_notices" ADD CONSTRAINT "funding_call_notices_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_call_notices" ADD CONSTRAINT "funding_call_notices_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_calls" ADD CONSTRAINT "funding_calls_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_calls" ADD CONSTRAINT "funding_calls_funder_id_funders_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."funders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_actions" ADD CONSTRAINT "grant_actions_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_funder_id_funders_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."funders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_enrolments" ADD CONSTRAINT "programme_enrolments_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_enrolments" ADD CONSTRAINT "programme_enrolments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletters" ADD CONSTRAINT "newsletters_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_narratives" ADD CONSTRAINT "report_narratives_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_narratives" ADD CONSTRAINT "report_narratives_funder_id_funders_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."funders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_calls_cluster_closes" ON "funding_calls" USING btree ("cluster_id","closes_on");--> statement-breakpoint
CREATE INDEX "grant_actions_grant" ON "grant_actions" USING btree ("cluster_id","grant_id","position");--> statement-breakpoint
CREATE INDEX "grants_cluster_period" ON "grants" USING btree ("cluster_id","period_start");--> statement-breakpoint
CREATE INDEX "programme_enrolments_member" ON "programme_enrolments" USING btree ("cluster_id","member_id");--> statement-breakpoint
CREATE INDEX "support_cases_cluster_opened" ON "support_cases" USING btree ("cluster_id","opened_on");--> statement-breakpoint
CREATE INDEX "newsletters_cluster_sent" ON "newsletters" USING btree ("cluster_id","sent_on");--> statement-breakpoint
CREATE POLICY "funders_tenant_isolation" ON "funders" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "funding_call_notices_tenant_isolation" ON "funding_call_notices" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "funding_calls_tenant_isolation" ON "funding_calls" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "grant_actions_tenant_isolation" ON "grant_actions" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "grants_tenant_isolation" ON "grants" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "programme_enrolments_tenant_isolation" ON "programme_enrolments" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "programmes_tenant_isolation" ON "programmes" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "support_cases_tenant_isolation" ON "support_cases" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "newsletters_tenant_isolation" ON "newsletters" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "report_narratives_tenant_isolation" ON "report_narratives" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);