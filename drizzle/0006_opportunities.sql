CREATE TABLE "business_deals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"partner_member_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"done_on" date NOT NULL,
	"description" text,
	"opportunity_id" uuid,
	"declared_by_user_id" text,
	"declared_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "business_deals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "consortium_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"is_leader" boolean DEFAULT false NOT NULL,
	"steps" text[] NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"comment" text,
	"answered_at" timestamp with time zone,
	"answered_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consortium_invitations_proposal_member" UNIQUE("proposal_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "consortium_invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "consortium_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"rank" integer NOT NULL,
	"leader_member_id" uuid NOT NULL,
	"member_ids" uuid[] NOT NULL,
	"assignments" jsonb NOT NULL,
	"travel_minutes" integer NOT NULL,
	"optimal" boolean DEFAULT false NOT NULL,
	"fairness" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'suggested' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consortium_proposals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"stage" text DEFAULT 'lead' NOT NULL,
	"source" text NOT NULL,
	"buyer_company" text,
	"buyer_contact" text,
	"buyer_email" text,
	"buyer_phone" text,
	"steps" text[] DEFAULT '{}'::text[] NOT NULL,
	"certifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"volumes" text,
	"deadline" date,
	"site_commune_insee" text,
	"site_town" text,
	"site_lat" double precision,
	"site_lon" double precision,
	"max_travel_minutes" integer DEFAULT 120 NOT NULL,
	"amount_cents" bigint,
	"bid_sent_on" date,
	"closed_on" date,
	"loss_reason" text,
	"qualified_at" timestamp with time zone,
	"leader_member_id" uuid,
	"declined_member_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"referred_by_member_id" uuid,
	"referred_to_member_id" uuid,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opportunities" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "showcase_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"sender_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "showcase_submissions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "business_deals" ADD CONSTRAINT "business_deals_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_deals" ADD CONSTRAINT "business_deals_partner_member_id_members_id_fk" FOREIGN KEY ("partner_member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_deals" ADD CONSTRAINT "business_deals_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_invitations" ADD CONSTRAINT "consortium_invitations_proposal_id_consortium_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."consortium_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_invitations" ADD CONSTRAINT "consortium_invitations_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_invitations" ADD CONSTRAINT "consortium_invitations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consortium_proposals" ADD CONSTRAINT "consortium_proposals_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_leader_member_id_members_id_fk" FOREIGN KEY ("leader_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_referred_by_member_id_members_id_fk" FOREIGN KEY ("referred_by_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_referred_to_member_id_members_id_fk" FOREIGN KEY ("referred_to_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "business_deals_cluster_done" ON "business_deals" USING btree ("cluster_id","done_on");--> statement-breakpoint
CREATE INDEX "consortium_invitations_member" ON "consortium_invitations" USING btree ("cluster_id","member_id","created_at");--> statement-breakpoint
CREATE INDEX "consortium_proposals_opportunity" ON "consortium_proposals" USING btree ("cluster_id","opportunity_id","round","rank");--> statement-breakpoint
CREATE INDEX "opportunities_cluster_stage" ON "opportunities" USING btree ("cluster_id","stage","updated_at");--> statement-breakpoint
CREATE INDEX "opportunities_cluster_referral" ON "opportunities" USING btree ("cluster_id","referred_to_member_id");--> statement-breakpoint
CREATE INDEX "showcase_submissions_sender" ON "showcase_submissions" USING btree ("cluster_id","sender_key","created_at");--> statement-breakpoint
CREATE POLICY "business_deals_tenant_isolation" ON "business_deals" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "consortium_invitations_tenant_isolation" ON "consortium_invitations" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "consortium_proposals_tenant_isolation" ON "consortium_proposals" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "opportunities_tenant_isolation" ON "opportunities" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "showcase_submissions_tenant_isolation" ON "showcase_submissions" AS PERMISSIVE FOR ALL TO "app_user" USING (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid) WITH CHECK (cluster_id = nullif(current_setting('app.cluster_id', true), '')::uuid);