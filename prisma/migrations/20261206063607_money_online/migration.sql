-- CreateEnum
CREATE TYPE "PaymentMode" AS ENUM ('ONLINE', 'INVOICE', 'NONE');

-- CreateEnum
CREATE TYPE "PaymentKind" AS ENUM ('FEE', 'DEPOSIT', 'DEPOSIT_RETURN', 'REFUND');

-- CreateEnum
CREATE TYPE "CheckoutStatus" AS ENUM ('OPEN', 'PAID', 'EXPIRED', 'FAILED');

-- CreateEnum
CREATE TYPE "CheckoutPurpose" AS ENUM ('BOOKING', 'INVOICE', 'SIGNUP');

-- CreateEnum
CREATE TYPE "ExtraUnit" AS ENUM ('PER_BOOKING', 'PER_PERSON', 'PER_HOUR');

-- CreateEnum
CREATE TYPE "DepositStatus" AS ENUM ('NONE', 'DUE', 'HELD', 'RETURNED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "BookingStatus" ADD VALUE 'AWAITING_PAYMENT';
ALTER TYPE "BookingStatus" ADD VALUE 'EXPIRED';

-- AlterEnum
ALTER TYPE "PaymentMethod" ADD VALUE 'SEPA_DEBIT';

-- AlterTable
ALTER TABLE "activities" ADD COLUMN     "pay_online" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "bookings" ADD COLUMN     "deposit_cents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "deposit_status" "DepositStatus" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "extras_excl_cents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "extras_vat_cents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "hold_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "payment_mode" "PaymentMode" NOT NULL DEFAULT 'INVOICE';

-- AlterTable
ALTER TABLE "invoices" ADD COLUMN     "last_reminder_at" TIMESTAMPTZ(3),
ADD COLUMN     "pay_token_hash" TEXT;

-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "sepa_mandate_at" TIMESTAMPTZ(3),
ADD COLUMN     "sepa_payment_method_id" TEXT,
ADD COLUMN     "stripe_customer_id" TEXT;

-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "kind" "PaymentKind" NOT NULL DEFAULT 'FEE',
ADD COLUMN     "provider_refund_id" TEXT,
ADD COLUMN     "refund_of_id" UUID;

-- AlterTable
ALTER TABLE "signups" ADD COLUMN     "paid_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "tier_policies" ADD COLUMN     "payment_mode" "PaymentMode" NOT NULL DEFAULT 'INVOICE';

-- CreateTable
CREATE TABLE "centre_payment_settings" (
    "centre_id" UUID NOT NULL,
    "secret_key_encrypted" TEXT NOT NULL,
    "webhook_secret_encrypted" TEXT NOT NULL,
    "key_hint" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "hold_minutes" INTEGER NOT NULL DEFAULT 30,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" UUID,

    CONSTRAINT "centre_payment_settings_pkey" PRIMARY KEY ("centre_id")
);

-- CreateTable
CREATE TABLE "checkouts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID NOT NULL,
    "purpose" "CheckoutPurpose" NOT NULL,
    "booking_id" UUID,
    "invoice_id" UUID,
    "signup_id" UUID,
    "amount_cents" INTEGER NOT NULL,
    "deposit_cents" INTEGER NOT NULL DEFAULT 0,
    "status" "CheckoutStatus" NOT NULL DEFAULT 'OPEN',
    "stripe_session_id" TEXT NOT NULL,
    "payment_intent_id" TEXT,
    "url" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "checkouts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stripe_events" (
    "id" TEXT NOT NULL,
    "centre_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stripe_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "extras" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "unit" "ExtraUnit" NOT NULL,
    "vat_bp" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "extras_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "extra_prices" (
    "extra_id" UUID NOT NULL,
    "tier" "Tier" NOT NULL,
    "price_cents" INTEGER NOT NULL,

    CONSTRAINT "extra_prices_pkey" PRIMARY KEY ("extra_id","tier")
);

-- CreateTable
CREATE TABLE "booking_extras" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "booking_id" UUID NOT NULL,
    "extra_id" UUID,
    "name" TEXT NOT NULL,
    "unit" "ExtraUnit" NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price_cents" INTEGER NOT NULL,
    "vat_bp" INTEGER NOT NULL,
    "per_date_excl_cents" INTEGER NOT NULL,
    "per_date_vat_cents" INTEGER NOT NULL,

    CONSTRAINT "booking_extras_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "room_deposits" (
    "room_id" UUID NOT NULL,
    "tier" "Tier" NOT NULL,
    "centre_id" UUID NOT NULL,
    "amount_cents" INTEGER NOT NULL,

    CONSTRAINT "room_deposits_pkey" PRIMARY KEY ("room_id","tier")
);

-- CreateTable
CREATE TABLE "credit_notes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "centre_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "invoice_id" UUID,
    "booking_id" UUID,
    "payment_id" UUID,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "total_excl_cents" INTEGER NOT NULL,
    "vat_cents" INTEGER NOT NULL,
    "total_incl_cents" INTEGER NOT NULL,
    "billing_snapshot" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credit_note_sequences" (
    "centre_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last_number" INTEGER NOT NULL,

    CONSTRAINT "credit_note_sequences_pkey" PRIMARY KEY ("centre_id","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "checkouts_stripe_session_id_key" ON "checkouts"("stripe_session_id");

-- CreateIndex
CREATE UNIQUE INDEX "checkouts_payment_intent_id_key" ON "checkouts"("payment_intent_id");

-- CreateIndex
CREATE INDEX "checkouts_centre_id_status_expires_at_idx" ON "checkouts"("centre_id", "status", "expires_at");

-- CreateIndex
CREATE INDEX "checkouts_booking_id_idx" ON "checkouts"("booking_id");

-- CreateIndex
CREATE INDEX "stripe_events_centre_id_received_at_idx" ON "stripe_events"("centre_id", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "extras_centre_id_name_key" ON "extras"("centre_id", "name");

-- CreateIndex
CREATE INDEX "booking_extras_booking_id_idx" ON "booking_extras"("booking_id");

-- CreateIndex
CREATE INDEX "room_deposits_centre_id_idx" ON "room_deposits"("centre_id");

-- CreateIndex
CREATE UNIQUE INDEX "credit_notes_payment_id_key" ON "credit_notes"("payment_id");

-- CreateIndex
CREATE INDEX "credit_notes_organisation_id_idx" ON "credit_notes"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "credit_notes_centre_id_number_key" ON "credit_notes"("centre_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "credit_notes_centre_id_year_sequence_key" ON "credit_notes"("centre_id", "year", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_pay_token_hash_key" ON "invoices"("pay_token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "payments_provider_refund_id_key" ON "payments"("provider_refund_id");

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_refund_of_id_fkey" FOREIGN KEY ("refund_of_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "centre_payment_settings" ADD CONSTRAINT "centre_payment_settings_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_signup_id_fkey" FOREIGN KEY ("signup_id") REFERENCES "signups"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stripe_events" ADD CONSTRAINT "stripe_events_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extras" ADD CONSTRAINT "extras_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extra_prices" ADD CONSTRAINT "extra_prices_extra_id_fkey" FOREIGN KEY ("extra_id") REFERENCES "extras"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking_extras" ADD CONSTRAINT "booking_extras_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking_extras" ADD CONSTRAINT "booking_extras_extra_id_fkey" FOREIGN KEY ("extra_id") REFERENCES "extras"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "room_deposits" ADD CONSTRAINT "room_deposits_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "room_deposits" ADD CONSTRAINT "room_deposits_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_note_sequences" ADD CONSTRAINT "credit_note_sequences_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;
