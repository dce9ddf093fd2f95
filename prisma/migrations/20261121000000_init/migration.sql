-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Tier" AS ENUM ('RESIDENT_INITIATIVE', 'ASSOCIATION', 'PRIVATE', 'COMMERCIAL');

-- CreateEnum
CREATE TYPE "CentreRole" AS ENUM ('ADMIN', 'MANAGER', 'BOARD', 'HOST');

-- CreateEnum
CREATE TYPE "InstallationRole" AS ENUM ('ADMIN', 'MUNICIPALITY');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('nl', 'en');

-- CreateEnum
CREATE TYPE "RoomKind" AS ENUM ('ROOM', 'COMBINATION');

-- CreateEnum
CREATE TYPE "Facility" AS ENUM ('KITCHEN', 'BAR', 'PROJECTOR', 'SOUND_SYSTEM', 'PIANO', 'WHITEBOARD', 'WIFI', 'STAGE', 'SPORTS_FLOOR', 'HEARING_LOOP', 'ACCESSIBLE_TOILET', 'CHILD_FRIENDLY', 'OUTDOOR_SPACE');

-- CreateEnum
CREATE TYPE "ShareCapAction" AS ENUM ('REFUSE', 'REQUIRE_APPROVAL');

-- CreateEnum
CREATE TYPE "BookingStatus" AS ENUM ('PENDING', 'CONFIRMED', 'DECLINED', 'CANCELLED', 'BUMPED');

-- CreateEnum
CREATE TYPE "OccurrenceStatus" AS ENUM ('ACTIVE', 'CANCELLED', 'BUMPED');

-- CreateEnum
CREATE TYPE "HolidayRegion" AS ENUM ('NORTH', 'MIDDLE', 'SOUTH');

-- CreateEnum
CREATE TYPE "ActivityKind" AS ENUM ('WALK_IN', 'SIGN_UP', 'PRIVATE');

-- CreateEnum
CREATE TYPE "Audience" AS ENUM ('CHILDREN', 'YOUNG_PEOPLE', 'ADULTS', 'OLDER_PEOPLE');

-- CreateEnum
CREATE TYPE "SignupStatus" AS ENUM ('CONFIRMED', 'WAITLISTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CompanionRequestStatus" AS ENUM ('OPEN', 'TAKEN', 'DONE', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DayPart" AS ENUM ('MORNING', 'AFTERNOON', 'EVENING');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('BANK_TRANSFER', 'CASH', 'PIN', 'ONLINE');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('ISSUED', 'PAID', 'CREDITED');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "centres" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'Europe/Amsterdam',
    "description" TEXT NOT NULL DEFAULT '',
    "street" TEXT NOT NULL DEFAULT '',
    "postal_code" TEXT NOT NULL DEFAULT '',
    "city" TEXT NOT NULL DEFAULT '',
    "directions" TEXT NOT NULL DEFAULT '',
    "email" TEXT,
    "phone" TEXT,
    "website" TEXT,
    "default_locale" "Locale" NOT NULL DEFAULT 'nl',
    "provisional_cutoff_days" INTEGER NOT NULL DEFAULT 14,
    "commercial_share_cap_bp" INTEGER,
    "commercial_share_cap_action" "ShareCapAction" NOT NULL DEFAULT 'REFUSE',
    "unverified_tier" "Tier" NOT NULL DEFAULT 'PRIVATE',
    "request_reminder_days" INTEGER NOT NULL DEFAULT 3,
    "personal_data_retention_days" INTEGER NOT NULL DEFAULT 30,
    "series_reminder_days" INTEGER NOT NULL DEFAULT 2,
    "invoice_prefix" TEXT NOT NULL DEFAULT '',
    "payment_term_days" INTEGER NOT NULL DEFAULT 14,
    "iban" TEXT,
    "kvk_number" TEXT,
    "vat_number" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "centres_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tier_policies" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID NOT NULL,
    "tier" "Tier" NOT NULL,
    "booking_horizon_days" INTEGER NOT NULL,
    "requires_approval" BOOLEAN NOT NULL,
    "vat_bp" INTEGER,
    "provisional" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "tier_policies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "community_hours" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID NOT NULL,
    "weekday" INTEGER NOT NULL,
    "start_minute" INTEGER NOT NULL,
    "end_minute" INTEGER NOT NULL,

    CONSTRAINT "community_hours_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cancellation_fee_steps" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID NOT NULL,
    "min_days_before" INTEGER NOT NULL,
    "fee_bp" INTEGER NOT NULL,

    CONSTRAINT "cancellation_fee_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "day_parts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID NOT NULL,
    "day_part" "DayPart" NOT NULL,
    "start_minute" INTEGER NOT NULL,
    "end_minute" INTEGER NOT NULL,

    CONSTRAINT "day_parts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rooms" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID NOT NULL,
    "kind" "RoomKind" NOT NULL DEFAULT 'ROOM',
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "location" TEXT NOT NULL DEFAULT '',
    "capacity" INTEGER NOT NULL,
    "area_m2" INTEGER,
    "step_free" BOOLEAN NOT NULL DEFAULT true,
    "facilities" "Facility"[] DEFAULT ARRAY[]::"Facility"[],
    "setup_buffer_minutes" INTEGER NOT NULL DEFAULT 0,
    "cleanup_buffer_minutes" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rooms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "room_combo_members" (
    "combination_id" UUID NOT NULL,
    "room_id" UUID NOT NULL,

    CONSTRAINT "room_combo_members_pkey" PRIMARY KEY ("combination_id","room_id")
);

-- CreateTable
CREATE TABLE "opening_hours" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID NOT NULL,
    "room_id" UUID,
    "weekday" INTEGER NOT NULL,
    "opens_minute" INTEGER NOT NULL,
    "closes_minute" INTEGER NOT NULL,

    CONSTRAINT "opening_hours_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "closures" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID NOT NULL,
    "room_id" UUID,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "closures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "locale" "Locale" NOT NULL DEFAULT 'nl',
    "installation_role" "InstallationRole",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_sign_in_at" TIMESTAMPTZ(3),

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "centre_id" UUID NOT NULL,
    "role" "CentreRole" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tier" "Tier" NOT NULL,
    "tier_verified_at" TIMESTAMPTZ(3),
    "tier_verified_by_id" UUID,
    "description" TEXT NOT NULL DEFAULT '',
    "contact_name" TEXT NOT NULL,
    "contact_email" TEXT,
    "contact_phone" TEXT,
    "locale" "Locale" NOT NULL DEFAULT 'nl',
    "billing_name" TEXT,
    "billing_address" TEXT,
    "billing_postal_code" TEXT,
    "billing_city" TEXT,
    "billing_email" TEXT,
    "kvk_number" TEXT,
    "vat_number" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisation_members" (
    "organisation_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisation_members_pkey" PRIMARY KEY ("organisation_id","user_id")
);

-- CreateTable
CREATE TABLE "login_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "redirect_to" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bookings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "room_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "rrule" TEXT,
    "local_start" TIMESTAMP(0) NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "attendees" INTEGER NOT NULL DEFAULT 1,
    "status" "BookingStatus" NOT NULL,
    "tier" "Tier" NOT NULL,
    "skip_public_holidays" BOOLEAN NOT NULL DEFAULT false,
    "skip_school_holidays" "HolidayRegion",
    "materialised_until" TIMESTAMPTZ(3),
    "total_excl_cents" INTEGER NOT NULL DEFAULT 0,
    "total_vat_cents" INTEGER NOT NULL DEFAULT 0,
    "total_incl_cents" INTEGER NOT NULL DEFAULT 0,
    "quote" JSONB,
    "split_from_id" UUID,
    "request_key" TEXT,
    "booked_on_behalf" BOOLEAN NOT NULL DEFAULT false,
    "created_by_id" UUID,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_reason" TEXT,
    "cancelled_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,
    "last_reminder_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bookings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "occurrences" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "booking_id" UUID NOT NULL,
    "centre_id" UUID NOT NULL,
    "room_id" UUID NOT NULL,
    "original_local_start" TIMESTAMP(0) NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "OccurrenceStatus" NOT NULL DEFAULT 'ACTIVE',
    "firm_at" TIMESTAMPTZ(3),
    "moved" BOOLEAN NOT NULL DEFAULT false,
    "price_excl_cents" INTEGER NOT NULL DEFAULT 0,
    "vat_cents" INTEGER NOT NULL DEFAULT 0,
    "cancellation_fee_cents" INTEGER NOT NULL DEFAULT 0,
    "cancelled_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,

    CONSTRAINT "occurrences_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "room_claims" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "occurrence_id" UUID NOT NULL,
    "centre_id" UUID NOT NULL,
    "room_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "block_starts_at" TIMESTAMPTZ(3) NOT NULL,
    "block_ends_at" TIMESTAMPTZ(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "room_claims_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activities" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "booking_id" UUID NOT NULL,
    "centre_id" UUID NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "audiences" "Audience"[] DEFAULT ARRAY[]::"Audience"[],
    "capacity" INTEGER,
    "participant_price_cents" INTEGER NOT NULL DEFAULT 0,
    "accessibility_notes" TEXT NOT NULL DEFAULT '',
    "organiser_name" TEXT,
    "contact_info" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "activities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signups" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID NOT NULL,
    "activity_id" UUID NOT NULL,
    "occurrence_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "contact_key" TEXT NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'nl',
    "status" "SignupStatus" NOT NULL,
    "cancel_token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "promoted_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "anonymised_at" TIMESTAMPTZ(3),

    CONSTRAINT "signups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "companion_requests" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID NOT NULL,
    "activity_id" UUID NOT NULL,
    "occurrence_id" UUID,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "message" TEXT NOT NULL DEFAULT '',
    "locale" "Locale" NOT NULL DEFAULT 'nl',
    "status" "CompanionRequestStatus" NOT NULL DEFAULT 'OPEN',
    "taken_by_id" UUID,
    "taken_at" TIMESTAMPTZ(3),
    "done_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "anonymised_at" TIMESTAMPTZ(3),

    CONSTRAINT "companion_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendance" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "occurrence_id" UUID NOT NULL,
    "centre_id" UUID NOT NULL,
    "headcount" INTEGER NOT NULL,
    "first_time_count" INTEGER NOT NULL DEFAULT 0,
    "recorded_by_id" UUID,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rates" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID NOT NULL,
    "room_id" UUID NOT NULL,
    "tier" "Tier" NOT NULL,
    "hourly_cents" INTEGER NOT NULL,
    "minimum_minutes" INTEGER NOT NULL DEFAULT 60,
    "free_hours_per_month" INTEGER NOT NULL DEFAULT 0,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "day_part_prices" (
    "rate_id" UUID NOT NULL,
    "day_part" "DayPart" NOT NULL,
    "price_cents" INTEGER NOT NULL,

    CONSTRAINT "day_part_prices_pkey" PRIMARY KEY ("rate_id","day_part")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "booking_id" UUID,
    "invoice_id" UUID,
    "amount_cents" INTEGER NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'SUCCEEDED',
    "reference" TEXT NOT NULL DEFAULT '',
    "provider_payment_id" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoices" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "period_start" DATE,
    "period_end" DATE,
    "total_excl_cents" INTEGER NOT NULL,
    "vat_cents" INTEGER NOT NULL,
    "total_incl_cents" INTEGER NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'ISSUED',
    "billing_snapshot" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_lines" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "invoice_id" UUID NOT NULL,
    "booking_id" UUID,
    "occurrence_id" UUID,
    "description" TEXT NOT NULL,
    "amount_excl_cents" INTEGER NOT NULL,
    "vat_bp" INTEGER,
    "vat_cents" INTEGER NOT NULL,

    CONSTRAINT "invoice_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_sequences" (
    "centre_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last_number" INTEGER NOT NULL,

    CONSTRAINT "invoice_sequences_pkey" PRIMARY KEY ("centre_id","year")
);

-- CreateTable
CREATE TABLE "energy_readings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "gas_m3" INTEGER,
    "electricity_kwh" INTEGER,

    CONSTRAINT "energy_readings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "year_costs" (
    "centre_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "costs_cents" INTEGER NOT NULL,

    CONSTRAINT "year_costs_pkey" PRIMARY KEY ("centre_id","year")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID,
    "actor_id" UUID,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_outbox" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text_body" TEXT NOT NULL,
    "html_body" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'nl',
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "centres_slug_key" ON "centres"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "tier_policies_centre_id_tier_key" ON "tier_policies"("centre_id", "tier");

-- CreateIndex
CREATE INDEX "community_hours_centre_id_idx" ON "community_hours"("centre_id");

-- CreateIndex
CREATE UNIQUE INDEX "cancellation_fee_steps_centre_id_min_days_before_key" ON "cancellation_fee_steps"("centre_id", "min_days_before");

-- CreateIndex
CREATE UNIQUE INDEX "day_parts_centre_id_day_part_key" ON "day_parts"("centre_id", "day_part");

-- CreateIndex
CREATE INDEX "rooms_centre_id_idx" ON "rooms"("centre_id");

-- CreateIndex
CREATE UNIQUE INDEX "rooms_centre_id_name_key" ON "rooms"("centre_id", "name");

-- CreateIndex
CREATE INDEX "room_combo_members_room_id_idx" ON "room_combo_members"("room_id");

-- CreateIndex
CREATE INDEX "opening_hours_centre_id_weekday_idx" ON "opening_hours"("centre_id", "weekday");

-- CreateIndex
CREATE INDEX "closures_centre_id_start_date_idx" ON "closures"("centre_id", "start_date");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "memberships_centre_id_idx" ON "memberships"("centre_id");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_user_id_centre_id_key" ON "memberships"("user_id", "centre_id");

-- CreateIndex
CREATE INDEX "organisations_centre_id_idx" ON "organisations"("centre_id");

-- CreateIndex
CREATE UNIQUE INDEX "organisations_centre_id_name_key" ON "organisations"("centre_id", "name");

-- CreateIndex
CREATE INDEX "organisation_members_user_id_idx" ON "organisation_members"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "login_tokens_token_hash_key" ON "login_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "login_tokens_user_id_idx" ON "login_tokens"("user_id");

-- CreateIndex
CREATE INDEX "bookings_centre_id_status_idx" ON "bookings"("centre_id", "status");

-- CreateIndex
CREATE INDEX "bookings_organisation_id_idx" ON "bookings"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "bookings_centre_id_request_key_key" ON "bookings"("centre_id", "request_key");

-- CreateIndex
CREATE INDEX "occurrences_centre_id_starts_at_idx" ON "occurrences"("centre_id", "starts_at");

-- CreateIndex
CREATE INDEX "occurrences_room_id_starts_at_idx" ON "occurrences"("room_id", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "occurrences_booking_id_original_local_start_key" ON "occurrences"("booking_id", "original_local_start");

-- CreateIndex
CREATE INDEX "room_claims_centre_id_starts_at_idx" ON "room_claims"("centre_id", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "room_claims_occurrence_id_room_id_key" ON "room_claims"("occurrence_id", "room_id");

-- CreateIndex
CREATE UNIQUE INDEX "activities_booking_id_key" ON "activities"("booking_id");

-- CreateIndex
CREATE INDEX "activities_centre_id_kind_idx" ON "activities"("centre_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "signups_cancel_token_hash_key" ON "signups"("cancel_token_hash");

-- CreateIndex
CREATE INDEX "signups_occurrence_id_status_created_at_idx" ON "signups"("occurrence_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "signups_centre_id_idx" ON "signups"("centre_id");

-- CreateIndex
CREATE INDEX "companion_requests_centre_id_status_idx" ON "companion_requests"("centre_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "attendance_occurrence_id_key" ON "attendance"("occurrence_id");

-- CreateIndex
CREATE INDEX "attendance_centre_id_idx" ON "attendance"("centre_id");

-- CreateIndex
CREATE INDEX "rates_centre_id_room_id_tier_valid_from_idx" ON "rates"("centre_id", "room_id", "tier", "valid_from");

-- CreateIndex
CREATE UNIQUE INDEX "payments_provider_payment_id_key" ON "payments"("provider_payment_id");

-- CreateIndex
CREATE INDEX "payments_centre_id_received_at_idx" ON "payments"("centre_id", "received_at");

-- CreateIndex
CREATE INDEX "payments_organisation_id_idx" ON "payments"("organisation_id");

-- CreateIndex
CREATE INDEX "invoices_organisation_id_idx" ON "invoices"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_centre_id_number_key" ON "invoices"("centre_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_centre_id_year_sequence_key" ON "invoices"("centre_id", "year", "sequence");

-- CreateIndex
CREATE INDEX "invoice_lines_invoice_id_idx" ON "invoice_lines"("invoice_id");

-- CreateIndex
CREATE INDEX "invoice_lines_occurrence_id_idx" ON "invoice_lines"("occurrence_id");

-- CreateIndex
CREATE UNIQUE INDEX "energy_readings_centre_id_month_key" ON "energy_readings"("centre_id", "month");

-- CreateIndex
CREATE INDEX "audit_events_entity_type_entity_id_idx" ON "audit_events"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_events_centre_id_created_at_idx" ON "audit_events"("centre_id", "created_at");

-- CreateIndex
CREATE INDEX "email_outbox_status_created_at_idx" ON "email_outbox"("status", "created_at");

-- CreateIndex
CREATE INDEX "email_outbox_centre_id_created_at_idx" ON "email_outbox"("centre_id", "created_at");

-- AddForeignKey
ALTER TABLE "tier_policies" ADD CONSTRAINT "tier_policies_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_hours" ADD CONSTRAINT "community_hours_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cancellation_fee_steps" ADD CONSTRAINT "cancellation_fee_steps_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "day_parts" ADD CONSTRAINT "day_parts_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "room_combo_members" ADD CONSTRAINT "room_combo_members_combination_id_fkey" FOREIGN KEY ("combination_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "room_combo_members" ADD CONSTRAINT "room_combo_members_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opening_hours" ADD CONSTRAINT "opening_hours_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opening_hours" ADD CONSTRAINT "opening_hours_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "closures" ADD CONSTRAINT "closures_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "closures" ADD CONSTRAINT "closures_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "closures" ADD CONSTRAINT "closures_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_tier_verified_by_id_fkey" FOREIGN KEY ("tier_verified_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "login_tokens" ADD CONSTRAINT "login_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_split_from_id_fkey" FOREIGN KEY ("split_from_id") REFERENCES "bookings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "occurrences" ADD CONSTRAINT "occurrences_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "occurrences" ADD CONSTRAINT "occurrences_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "occurrences" ADD CONSTRAINT "occurrences_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "room_claims" ADD CONSTRAINT "room_claims_occurrence_id_fkey" FOREIGN KEY ("occurrence_id") REFERENCES "occurrences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "room_claims" ADD CONSTRAINT "room_claims_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "room_claims" ADD CONSTRAINT "room_claims_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activities" ADD CONSTRAINT "activities_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activities" ADD CONSTRAINT "activities_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signups" ADD CONSTRAINT "signups_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signups" ADD CONSTRAINT "signups_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signups" ADD CONSTRAINT "signups_occurrence_id_fkey" FOREIGN KEY ("occurrence_id") REFERENCES "occurrences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "companion_requests" ADD CONSTRAINT "companion_requests_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "companion_requests" ADD CONSTRAINT "companion_requests_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "companion_requests" ADD CONSTRAINT "companion_requests_occurrence_id_fkey" FOREIGN KEY ("occurrence_id") REFERENCES "occurrences"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "companion_requests" ADD CONSTRAINT "companion_requests_taken_by_id_fkey" FOREIGN KEY ("taken_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_occurrence_id_fkey" FOREIGN KEY ("occurrence_id") REFERENCES "occurrences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rates" ADD CONSTRAINT "rates_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rates" ADD CONSTRAINT "rates_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "day_part_prices" ADD CONSTRAINT "day_part_prices_rate_id_fkey" FOREIGN KEY ("rate_id") REFERENCES "rates"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_occurrence_id_fkey" FOREIGN KEY ("occurrence_id") REFERENCES "occurrences"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_sequences" ADD CONSTRAINT "invoice_sequences_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "energy_readings" ADD CONSTRAINT "energy_readings_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "year_costs" ADD CONSTRAINT "year_costs_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Hand-written: invariants Prisma cannot express ─────────────────────────

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- No two active claims overlap in one room, set-up and clean-up buffers included.
-- Back-to-back blocks are fine: ranges are half-open [start, end).
ALTER TABLE "room_claims" ADD CONSTRAINT "room_claims_no_overlap"
  EXCLUDE USING gist ("room_id" WITH =, tstzrange("block_starts_at", "block_ends_at", '[)') WITH &&)
  WHERE ("active");
ALTER TABLE "room_claims" ADD CONSTRAINT "room_claims_block_covers_use"
  CHECK ("block_starts_at" <= "starts_at" AND "starts_at" < "ends_at" AND "ends_at" <= "block_ends_at");

-- The same person signs up for a date only once (cancelled places do not count).
CREATE UNIQUE INDEX "signups_one_per_contact" ON "signups" ("occurrence_id", "contact_key")
  WHERE "status" <> 'CANCELLED';

-- Plain sanity of numbers and times.
ALTER TABLE "centres" ADD CONSTRAINT "centres_rules_in_range" CHECK (
  "provisional_cutoff_days" >= 0
  AND ("commercial_share_cap_bp" IS NULL OR "commercial_share_cap_bp" BETWEEN 0 AND 10000)
  AND "request_reminder_days" >= 1 AND "personal_data_retention_days" >= 0
  AND "series_reminder_days" >= 0 AND "payment_term_days" >= 0);
ALTER TABLE "tier_policies" ADD CONSTRAINT "tier_policies_in_range" CHECK (
  "booking_horizon_days" >= 1 AND ("vat_bp" IS NULL OR "vat_bp" BETWEEN 0 AND 10000));
ALTER TABLE "community_hours" ADD CONSTRAINT "community_hours_window" CHECK (
  "weekday" BETWEEN 1 AND 7 AND "start_minute" >= 0 AND "start_minute" < "end_minute" AND "end_minute" <= 1440);
ALTER TABLE "opening_hours" ADD CONSTRAINT "opening_hours_window" CHECK (
  "weekday" BETWEEN 1 AND 7 AND "opens_minute" >= 0 AND "opens_minute" < "closes_minute" AND "closes_minute" <= 1440);
ALTER TABLE "day_parts" ADD CONSTRAINT "day_parts_window" CHECK (
  "start_minute" >= 0 AND "start_minute" < "end_minute" AND "end_minute" <= 1440);
ALTER TABLE "cancellation_fee_steps" ADD CONSTRAINT "cancellation_fee_steps_in_range" CHECK (
  "min_days_before" >= 0 AND "fee_bp" BETWEEN 0 AND 10000);
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_in_range" CHECK (
  "capacity" >= 1 AND ("area_m2" IS NULL OR "area_m2" >= 1)
  AND "setup_buffer_minutes" BETWEEN 0 AND 480 AND "cleanup_buffer_minutes" BETWEEN 0 AND 480);
ALTER TABLE "closures" ADD CONSTRAINT "closures_dates" CHECK ("start_date" <= "end_date");
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_in_range" CHECK (
  "duration_minutes" BETWEEN 1 AND 1440 AND "attendees" >= 1);
ALTER TABLE "occurrences" ADD CONSTRAINT "occurrences_times" CHECK ("starts_at" < "ends_at");
ALTER TABLE "signups" ADD CONSTRAINT "signups_contact" CHECK ("email" IS NOT NULL OR "phone" IS NOT NULL OR "anonymised_at" IS NOT NULL);
ALTER TABLE "activities" ADD CONSTRAINT "activities_in_range" CHECK (
  ("capacity" IS NULL OR "capacity" >= 1) AND "participant_price_cents" >= 0);
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_counts" CHECK (
  "headcount" >= 0 AND "first_time_count" >= 0 AND "first_time_count" <= "headcount");
ALTER TABLE "rates" ADD CONSTRAINT "rates_in_range" CHECK (
  "hourly_cents" >= 0 AND "minimum_minutes" >= 0 AND "free_hours_per_month" >= 0);
ALTER TABLE "day_part_prices" ADD CONSTRAINT "day_part_prices_in_range" CHECK ("price_cents" >= 0);
ALTER TABLE "invoice_sequences" ADD CONSTRAINT "invoice_sequences_positive" CHECK ("last_number" >= 0);
