-- `rules_version` moves with everything a booking checks except other bookings (schema.ts says
-- why): the rule tables, services, feeds, and any column of the specialist's row but the versions.
-- services/availability/version.test.ts proves each trigger.
ALTER TABLE `specialists` ADD `rules_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE TRIGGER `services_ins_moves_rules` AFTER INSERT ON `services` BEGIN UPDATE `specialists` SET `rules_version` = `rules_version` + 1 WHERE `id` = NEW.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `services_upd_moves_rules` AFTER UPDATE ON `services` BEGIN UPDATE `specialists` SET `rules_version` = `rules_version` + 1 WHERE `id` IN (OLD.`specialist_id`, NEW.`specialist_id`); END;
--> statement-breakpoint
CREATE TRIGGER `services_del_moves_rules` AFTER DELETE ON `services` BEGIN UPDATE `specialists` SET `rules_version` = `rules_version` + 1 WHERE `id` = OLD.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `weekly_hours_ins_moves_rules` AFTER INSERT ON `weekly_hours` BEGIN UPDATE `specialists` SET `rules_version` = `rules_version` + 1 WHERE `id` = NEW.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `weekly_hours_upd_moves_rules` AFTER UPDATE ON `weekly_hours` BEGIN UPDATE `specialists` SET `rules_version` = `rules_version` + 1 WHERE `id` IN (OLD.`specialist_id`, NEW.`specialist_id`); END;
--> statement-breakpoint
CREATE TRIGGER `weekly_hours_del_moves_rules` AFTER DELETE ON `weekly_hours` BEGIN UPDATE `specialists` SET `rules_version` = `rules_version` + 1 WHERE `id` = OLD.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `date_overrides_ins_moves_rules` AFTER INSERT ON `date_overrides` BEGIN UPDATE `specialists` SET `rules_version` = `rules_version` + 1 WHERE `id` = NEW.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `date_overrides_upd_moves_rules` AFTER UPDATE ON `date_overrides` BEGIN UPDATE `specialists` SET `rules_version` = `rules_version` + 1 WHERE `id` IN (OLD.`specialist_id`, NEW.`specialist_id`); END;
--> statement-breakpoint
CREATE TRIGGER `date_overrides_del_moves_rules` AFTER DELETE ON `date_overrides` BEGIN UPDATE `specialists` SET `rules_version` = `rules_version` + 1 WHERE `id` = OLD.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `recurring_availability_ins_moves_rules` AFTER INSERT ON `recurring_availability` BEGIN UPDATE `specialists` SET `rules_version` = `rules_version` + 1 WHERE `id` = NEW.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `recurring_availability_upd_moves_rules` AFTER UPDATE ON `recurring_availability` BEGIN UPDATE `specialists` SET `rules_version` = `rules_version` + 1 WHERE `id` IN (OLD.`specialist_id`, NEW.`specialist_id`); END;
--> statement-breakpoint
CREATE TRIGGER `recurring_availability_del_moves_rules` AFTER DELETE ON `recurring_availability` BEGIN UPDATE `specialists` SET `rules_version` = `rules_version` + 1 WHERE `id` = OLD.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `calendar_feeds_ins_moves_rules` AFTER INSERT ON `calendar_feeds` BEGIN UPDATE `specialists` SET `rules_version` = `rules_version` + 1 WHERE `id` = NEW.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `calendar_feeds_upd_moves_rules` AFTER UPDATE ON `calendar_feeds` BEGIN UPDATE `specialists` SET `rules_version` = `rules_version` + 1 WHERE `id` IN (OLD.`specialist_id`, NEW.`specialist_id`); END;
--> statement-breakpoint
CREATE TRIGGER `calendar_feeds_del_moves_rules` AFTER DELETE ON `calendar_feeds` BEGIN UPDATE `specialists` SET `rules_version` = `rules_version` + 1 WHERE `id` = OLD.`specialist_id`; END;
--> statement-breakpoint
CREATE TRIGGER `specialists_row_moves_rules` AFTER UPDATE OF `handle`, `name`, `bio`, `time_zone`, `currency`, `allowed_origins`, `stripe_account_id`, `stripe_charges_enabled`, `reminder_hours`, `notification_email`, `daily_agenda`, `locale`, `feed_token_hash`, `meeting_link`, `photo_url`, `status`, `status_changed_at`, `status_reason`, `created_at` ON `specialists` BEGIN UPDATE `specialists` SET `rules_version` = `rules_version` + 1 WHERE `id` = NEW.`id`; END;
