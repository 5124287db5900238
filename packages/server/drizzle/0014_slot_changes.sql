CREATE TABLE `slot_changes` (
	`specialist_id` text NOT NULL,
	`version` integer NOT NULL,
	`from_at` integer NOT NULL,
	`to_at` integer NOT NULL,
	PRIMARY KEY(`specialist_id`, `version`)
);
--> statement-breakpoint
-- Booking writes say which time they changed (schema.ts, `slotChanges`), in the same trigger that
-- moves the version, so the row and the version are one fact: a slots answer of an older version
-- whose window lies clear of every change since is served again instead of computed.
DROP TRIGGER `bookings_ins_moves_slots`;
--> statement-breakpoint
CREATE TRIGGER `bookings_ins_moves_slots` AFTER INSERT ON `bookings` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` = NEW.`specialist_id`; INSERT INTO `slot_changes` (`specialist_id`, `version`, `from_at`, `to_at`) SELECT `id`, `availability_version`, NEW.`start_at`, NEW.`end_at` FROM `specialists` WHERE `id` = NEW.`specialist_id`; DELETE FROM `slot_changes` WHERE `specialist_id` = NEW.`specialist_id` AND `version` <= (SELECT `availability_version` FROM `specialists` WHERE `id` = NEW.`specialist_id`) - 64; END;
--> statement-breakpoint
DROP TRIGGER `bookings_upd_moves_slots`;
--> statement-breakpoint
CREATE TRIGGER `bookings_upd_moves_slots` AFTER UPDATE OF `status`, `start_at`, `end_at`, `buffer_before`, `buffer_after`, `hold_expires_at`, `service_id`, `specialist_id`, `duration_minutes` ON `bookings` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` IN (OLD.`specialist_id`, NEW.`specialist_id`); INSERT INTO `slot_changes` (`specialist_id`, `version`, `from_at`, `to_at`) SELECT `id`, `availability_version`, min(OLD.`start_at`, NEW.`start_at`), max(OLD.`end_at`, NEW.`end_at`) FROM `specialists` WHERE `id` = NEW.`specialist_id` AND OLD.`specialist_id` = NEW.`specialist_id`; DELETE FROM `slot_changes` WHERE `specialist_id` = NEW.`specialist_id` AND `version` <= (SELECT `availability_version` FROM `specialists` WHERE `id` = NEW.`specialist_id`) - 64; END;
--> statement-breakpoint
DROP TRIGGER `bookings_del_moves_slots`;
--> statement-breakpoint
CREATE TRIGGER `bookings_del_moves_slots` AFTER DELETE ON `bookings` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` = OLD.`specialist_id`; INSERT INTO `slot_changes` (`specialist_id`, `version`, `from_at`, `to_at`) SELECT `id`, `availability_version`, OLD.`start_at`, OLD.`end_at` FROM `specialists` WHERE `id` = OLD.`specialist_id`; DELETE FROM `slot_changes` WHERE `specialist_id` = OLD.`specialist_id` AND `version` <= (SELECT `availability_version` FROM `specialists` WHERE `id` = OLD.`specialist_id`) - 64; END;
