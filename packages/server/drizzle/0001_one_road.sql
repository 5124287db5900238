-- The outbox becomes a log of domain events, one per booking change, written by the one road
-- (services/bookings/road.ts). The old table held messages nothing ever sent; they are dropped.
DROP TABLE `outbox`;
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`topic` text NOT NULL,
	`booking_id` text NOT NULL,
	`specialist_id` text NOT NULL,
	`event_id` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_event_unique` ON `outbox` (`event_id`);--> statement-breakpoint
CREATE INDEX `outbox_booking_idx` ON `outbox` (`booking_id`);--> statement-breakpoint
CREATE INDEX `outbox_created_idx` ON `outbox` (`created_at`);
--> statement-breakpoint
-- Open slots depend on these rows: the database moves the specialist's availability version
-- itself on every write to them, in the writer's transaction, so no code path can forget to
-- (slot caches key on the version). services/availability/version.test.ts proves each one.
CREATE TRIGGER `services_ins_moves_slots` AFTER INSERT ON `services` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` = NEW.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `services_upd_moves_slots` AFTER UPDATE ON `services` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` IN (OLD.`specialist_id`, NEW.`specialist_id`); END;
--> statement-breakpoint
CREATE TRIGGER `services_del_moves_slots` AFTER DELETE ON `services` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` = OLD.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `weekly_hours_ins_moves_slots` AFTER INSERT ON `weekly_hours` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` = NEW.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `weekly_hours_upd_moves_slots` AFTER UPDATE ON `weekly_hours` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` IN (OLD.`specialist_id`, NEW.`specialist_id`); END;
--> statement-breakpoint
CREATE TRIGGER `weekly_hours_del_moves_slots` AFTER DELETE ON `weekly_hours` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` = OLD.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `date_overrides_ins_moves_slots` AFTER INSERT ON `date_overrides` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` = NEW.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `date_overrides_upd_moves_slots` AFTER UPDATE ON `date_overrides` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` IN (OLD.`specialist_id`, NEW.`specialist_id`); END;
--> statement-breakpoint
CREATE TRIGGER `date_overrides_del_moves_slots` AFTER DELETE ON `date_overrides` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` = OLD.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `recurring_availability_ins_moves_slots` AFTER INSERT ON `recurring_availability` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` = NEW.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `recurring_availability_upd_moves_slots` AFTER UPDATE ON `recurring_availability` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` IN (OLD.`specialist_id`, NEW.`specialist_id`); END;
--> statement-breakpoint
CREATE TRIGGER `recurring_availability_del_moves_slots` AFTER DELETE ON `recurring_availability` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` = OLD.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `calendar_feeds_ins_moves_slots` AFTER INSERT ON `calendar_feeds` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` = NEW.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `calendar_feeds_upd_moves_slots` AFTER UPDATE ON `calendar_feeds` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` IN (OLD.`specialist_id`, NEW.`specialist_id`); END;
--> statement-breakpoint
CREATE TRIGGER `calendar_feeds_del_moves_slots` AFTER DELETE ON `calendar_feeds` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` = OLD.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `bookings_ins_moves_slots` AFTER INSERT ON `bookings` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` = NEW.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `bookings_upd_moves_slots` AFTER UPDATE OF `status`, `start_at`, `end_at`, `buffer_before`, `buffer_after`, `hold_expires_at`, `service_id`, `specialist_id`, `duration_minutes` ON `bookings` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` IN (OLD.`specialist_id`, NEW.`specialist_id`); END;
--> statement-breakpoint
CREATE TRIGGER `bookings_del_moves_slots` AFTER DELETE ON `bookings` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` = OLD.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `specialists_zone_moves_slots` AFTER UPDATE OF `time_zone`, `handle` ON `specialists` BEGIN UPDATE `specialists` SET `availability_version` = `availability_version` + 1 WHERE `id` = NEW.`id`; END;
--> statement-breakpoint
-- Emails compare case-insensitively: the hold cap counted SAME@ and same@ apart.
UPDATE `bookings` SET `customer_email` = lower(`customer_email`);
--> statement-breakpoint
-- The offline test-payments mode keeps its simulated Stripe account here (demo and tests only).
CREATE TABLE `test_payments_state` (
	`id` text PRIMARY KEY NOT NULL,
	`snapshot` text NOT NULL,
	`updated_at` integer NOT NULL
);
