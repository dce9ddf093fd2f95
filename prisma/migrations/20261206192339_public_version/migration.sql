-- AlterTable
ALTER TABLE "centres" ADD COLUMN     "public_version" BIGINT NOT NULL DEFAULT 0;

-- ─── The public version (decision 100) ──────────────────────────────────────
-- Every change residents can see raises centres.public_version in its own transaction, so the
-- caches of the public agenda (keyed by it) can never serve what was true before. Triggers,
-- not application code, so no code path can forget. They are deferred constraint triggers:
-- the centre's row is updated once, at commit, after every other lock of the transaction was
-- taken, so two writers never wait on each other in opposite orders.

-- Raises the version of `centre` once per transaction (a transaction-local setting remembers).
CREATE FUNCTION bump_public_version(centre uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  marker text := 'buurtrooster.public_bumped_' || replace(centre::text, '-', '_');
BEGIN
  IF current_setting(marker, true) = 'yes' THEN
    RETURN;
  END IF;
  UPDATE centres SET public_version = public_version + 1 WHERE id = centre;
  PERFORM set_config(marker, 'yes', true);
END
$$;

-- Whether the booking has an activity residents see (walk-in or sign-up).
CREATE FUNCTION booking_is_public(booking uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM activities WHERE booking_id = booking AND kind IN ('WALK_IN', 'SIGN_UP'))
$$;

-- The row's centre, unconditionally (the trigger's WHEN clause already decided).
CREATE FUNCTION public_version_of_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'centres' THEN
    PERFORM bump_public_version(NEW.id);
  ELSE
    PERFORM bump_public_version(COALESCE(NEW.centre_id, OLD.centre_id));
  END IF;
  RETURN NULL;
END
$$;

-- A booking's row or one of its dates: only when the booking has a public activity (at commit).
-- A public activity deleted with its booking raises the version through its own trigger.
CREATE FUNCTION public_version_of_booking_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  centre uuid;
  booking uuid;
BEGIN
  -- one statement per table: PL/pgSQL plans an expression whole, with this table's columns
  IF TG_TABLE_NAME = 'bookings' THEN
    centre := COALESCE(NEW.centre_id, OLD.centre_id);
    booking := COALESCE(NEW.id, OLD.id);
  ELSE
    centre := COALESCE(NEW.centre_id, OLD.centre_id);
    booking := COALESCE(NEW.booking_id, OLD.booking_id);
  END IF;
  IF current_setting('buurtrooster.public_bumped_' || replace(centre::text, '-', '_'), true) IS DISTINCT FROM 'yes'
     AND booking_is_public(booking) THEN
    PERFORM bump_public_version(centre);
  END IF;
  RETURN NULL;
END
$$;

-- The centre's own public facts (its page, its address in feeds, whether it is shown at all).
CREATE CONSTRAINT TRIGGER public_version_centre AFTER UPDATE ON centres
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.slug, OLD.name, OLD.time_zone, OLD.description, OLD.street, OLD.postal_code, OLD.city, OLD.directions,
         OLD.email, OLD.phone, OLD.website, OLD.active)
        IS DISTINCT FROM
        (NEW.slug, NEW.name, NEW.time_zone, NEW.description, NEW.street, NEW.postal_code, NEW.city, NEW.directions,
         NEW.email, NEW.phone, NEW.website, NEW.active))
  EXECUTE FUNCTION public_version_of_row();

-- Activities: walk-in and sign-up ones are public; private hire is not.
CREATE CONSTRAINT TRIGGER public_version_activity_insert AFTER INSERT ON activities
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW.kind IN ('WALK_IN', 'SIGN_UP'))
  EXECUTE FUNCTION public_version_of_row();
CREATE CONSTRAINT TRIGGER public_version_activity_update AFTER UPDATE ON activities
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.kind IN ('WALK_IN', 'SIGN_UP') OR NEW.kind IN ('WALK_IN', 'SIGN_UP')) AND OLD.* IS DISTINCT FROM NEW.*)
  EXECUTE FUNCTION public_version_of_row();
CREATE CONSTRAINT TRIGGER public_version_activity_delete AFTER DELETE ON activities
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.kind IN ('WALK_IN', 'SIGN_UP'))
  EXECUTE FUNCTION public_version_of_row();

-- Bookings: what the public sees of one (status, repeat rule, times, organiser, room).
CREATE CONSTRAINT TRIGGER public_version_booking AFTER UPDATE ON bookings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.status, OLD.rrule, OLD.local_start, OLD.duration_minutes, OLD.organisation_id, OLD.room_id)
        IS DISTINCT FROM (NEW.status, NEW.rrule, NEW.local_start, NEW.duration_minutes, NEW.organisation_id, NEW.room_id))
  EXECUTE FUNCTION public_version_of_booking_row();

-- Dates: added, removed, moved, cancelled, bumped, given another room.
CREATE CONSTRAINT TRIGGER public_version_occurrence_insert AFTER INSERT OR DELETE ON occurrences
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION public_version_of_booking_row();
CREATE CONSTRAINT TRIGGER public_version_occurrence_update AFTER UPDATE ON occurrences
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.status, OLD.starts_at, OLD.ends_at, OLD.room_id, OLD.original_local_start)
        IS DISTINCT FROM (NEW.status, NEW.starts_at, NEW.ends_at, NEW.room_id, NEW.original_local_start))
  EXECUTE FUNCTION public_version_of_booking_row();

-- Sign-ups: the agenda shows the free places of a date (confirmed sign-ups only).
CREATE CONSTRAINT TRIGGER public_version_signup_insert AFTER INSERT ON signups
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW.status = 'CONFIRMED')
  EXECUTE FUNCTION public_version_of_row();
CREATE CONSTRAINT TRIGGER public_version_signup_update AFTER UPDATE ON signups
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.status = 'CONFIRMED' OR NEW.status = 'CONFIRMED')
        AND (OLD.status, OLD.occurrence_id) IS DISTINCT FROM (NEW.status, NEW.occurrence_id))
  EXECUTE FUNCTION public_version_of_row();
CREATE CONSTRAINT TRIGGER public_version_signup_delete AFTER DELETE ON signups
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.status = 'CONFIRMED')
  EXECUTE FUNCTION public_version_of_row();

-- Rooms: their name, where they are and whether they are step-free show with every date.
CREATE CONSTRAINT TRIGGER public_version_room AFTER UPDATE ON rooms
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.name, OLD.location, OLD.step_free) IS DISTINCT FROM (NEW.name, NEW.location, NEW.step_free))
  EXECUTE FUNCTION public_version_of_row();

-- Organisations: an activity without its own organiser name shows the organisation's.
CREATE CONSTRAINT TRIGGER public_version_organisation AFTER UPDATE ON organisations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION public_version_of_row();

-- Online payments: an activity page says whether a place is paid online.
CREATE CONSTRAINT TRIGGER public_version_payment_settings AFTER INSERT OR DELETE ON centre_payment_settings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION public_version_of_row();
