-- CreateTable
CREATE TABLE "host_duties" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "occurrence_id" UUID NOT NULL,
    "centre_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "host_duties_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notices" (
    "key" TEXT NOT NULL,
    "centre_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notices_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "host_duties_occurrence_id_key" ON "host_duties"("occurrence_id");

-- CreateIndex
CREATE INDEX "host_duties_centre_id_idx" ON "host_duties"("centre_id");

-- CreateIndex
CREATE INDEX "notices_centre_id_created_at_idx" ON "notices"("centre_id", "created_at");

-- AddForeignKey
ALTER TABLE "host_duties" ADD CONSTRAINT "host_duties_occurrence_id_fkey" FOREIGN KEY ("occurrence_id") REFERENCES "occurrences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "host_duties" ADD CONSTRAINT "host_duties_centre_id_fkey" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "host_duties" ADD CONSTRAINT "host_duties_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
