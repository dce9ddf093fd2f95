-- DropIndex
DROP INDEX "bookings_centre_id_request_key_key";

-- AlterTable
ALTER TABLE "bookings" DROP COLUMN "request_key";

-- CreateTable
CREATE TABLE "form_submissions" (
    "key" UUID NOT NULL,
    "centre_id" UUID,
    "kind" TEXT NOT NULL,
    "entity_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "form_submissions_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "form_submissions_centre_id_created_at_idx" ON "form_submissions"("centre_id", "created_at");

-- AddForeignKey
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;
