CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	CONSTRAINT "sessions_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"platform_admin" boolean DEFAULT false NOT NULL,
	"locale" text DEFAULT 'fr' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verifications" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cluster_roles_user_cluster" UNIQUE("cluster_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "clusters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"home_commune" text,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clusters_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "change_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"action" text NOT NULL,
	"actor_user_id" text,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "change_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "dues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount_cents" integer NOT NULL,
	"paid_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_member_year" UNIQUE("member_id","year")
);
--> statement-breakpoint
ALTER TABLE "dues" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"created" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"rejected" jsonb NOT NULL,
	"headers" text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_runs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"kind" text DEFAULT 'company' NOT NULL,
	"legal_name" text NOT NULL,
	"trade_name" text,
	"siren" text,
	"siret" text,
	"naf_code" text,
	"naf_version" text,
	"headcount" integer,
	"turnover_eur" bigint,
	"size_class" text,
	"address_line" text,
	"postcode" text,
	"commune_insee" text,
	"town" text,
	"department" text,
	"lat" double precision,
	"lon" double precision,
	"website" text,
	"email" text,
	"phone" text,
	"description" text,
	"trade_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"certifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"equipment" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'member' NOT NULL,
	"joined_on" date,
	"left_on" date,
	"leave_reason" text,
	"sponsor_id" uuid,
	"visibility" jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('public.fr_unaccent'::regconfig, search_text)) STORED,
	"name_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"first_name" text,
	"last_name" text,
	"job_title" text,
	"email" text,
	"phone" text,
	"listed" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone,
	"is_main_contact" boolean DEFAULT false NOT NULL,
	"user_id" text,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "people" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "trades" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trades_cluster_code" UNIQUE("cluster_id","code")
);
--> statement-breakpoint
ALTER TABLE "trades" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_roles" ADD CONSTRAINT "cluster_roles_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_roles" ADD CONSTRAINT "cluster_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues" ADD CONSTRAINT "dues_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trades" ADD CONSTRAINT "trades_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cluster_roles_user" ON "cluster_roles" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "change_log_entity" ON "change_log" USING btree ("cluster_id","entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "import_runs_cluster" ON "import_runs" USING btree ("cluster_id","at");--> statement-breakpoint
CREATE INDEX "members_cluster_status" ON "members" USING btree ("cluster_id","status");--> statement-breakpoint
CREATE INDEX "members_search" ON "members" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "members_cluster_siren" ON "members" USING btree ("cluster_id","siren");--> statement-breakpoint
CREATE INDEX "members_cluster_name_key" ON "members" USING btree ("cluster_id","name_key");--> statement-breakpoint
CREATE INDEX "members_cluster_geo" ON "members" USING btree ("cluster_id","lat","lon");--> statement-breakpoint
CREATE INDEX "members_cluster_department" ON "members" USING btree ("cluster_id","department");--> statement-breakpoint
CREATE INDEX "members_certifications" ON "members" USING gin ("certifications");--> statement-breakpoint
CREATE INDEX "members_trade_codes" ON "members" USING gin ("trade_codes");--> statement-breakpoint
CREATE INDEX "people_member" ON "people" USING btree ("cluster_id","member_id");--> statement-breakpoint
CREATE POLICY "change_log_tenant_isolation" ON "change_log" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "dues_tenant_isolation" ON "dues" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "import_runs_tenant_isolation" ON "import_runs" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "members_tenant_isolation" ON "members" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "people_tenant_isolation" ON "people" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "trades_tenant_isolation" ON "trades" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);