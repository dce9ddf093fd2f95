-- AlterTable
ALTER TABLE "signups" ADD COLUMN     "paid_cents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "payment_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "payment_intent_id" TEXT,
ADD COLUMN     "provider_refund_id" TEXT,
ADD COLUMN     "refund_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "refunded_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE UNIQUE INDEX "signups_payment_intent_id_key" ON "signups"("payment_intent_id");

-- CreateIndex
CREATE UNIQUE INDEX "signups_provider_refund_id_key" ON "signups"("provider_refund_id");

-- CreateIndex
CREATE INDEX "signups_payment_due_at_idx" ON "signups"("payment_due_at");

-- CreateIndex
CREATE INDEX "signups_refund_due_at_idx" ON "signups"("refund_due_at");

-- money is never negative on a place
ALTER TABLE "signups" ADD CONSTRAINT "signups_paid_cents_not_negative" CHECK ("paid_cents" >= 0);
