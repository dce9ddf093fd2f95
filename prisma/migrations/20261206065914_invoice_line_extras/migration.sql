-- AlterTable
ALTER TABLE "invoice_lines" ADD COLUMN     "booking_extra_id" UUID;

-- AddForeignKey
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_booking_extra_id_fkey" FOREIGN KEY ("booking_extra_id") REFERENCES "booking_extras"("id") ON DELETE SET NULL ON UPDATE CASCADE;
