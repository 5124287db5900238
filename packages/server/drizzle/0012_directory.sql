CREATE TABLE `directory_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`specialist_id` text NOT NULL,
	`rating_count` integer DEFAULT 0 NOT NULL,
	`rating_sum` integer DEFAULT 0 NOT NULL,
	`price_from` integer,
	`price_currency` text,
	`next_open_at` integer,
	`next_open_service` text,
	`next_open_version` integer DEFAULT -1 NOT NULL,
	`next_open_checked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `directory_entries_specialist_unique` ON `directory_entries` (`specialist_id`);--> statement-breakpoint
CREATE INDEX `directory_entries_next_open_idx` ON `directory_entries` (`next_open_at`);--> statement-breakpoint
ALTER TABLE `specialists` ADD `headline` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `specialists` ADD `categories` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `specialists` ADD `languages` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `specialists` ADD `directory_listed` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX `accounts_specialist_idx` ON `accounts` (`specialist_id`);--> statement-breakpoint
-- The directory (services/directory/): a full-text index over what a customer searches for, and
-- triggers that keep it and `directory_entries` in step with specialists, services and reviews, so
-- no code path can forget. drizzle-kit generates none of this (virtual tables, triggers): appended by hand.
CREATE VIRTUAL TABLE `specialist_search` USING fts5(`name`, `headline`, `bio`, `categories`, `services`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `directory_entries` (`specialist_id`) SELECT `id` FROM `specialists`;
--> statement-breakpoint
UPDATE `directory_entries` SET `price_from` = (SELECT min(json_extract(d.value, '$.price')) FROM `services` s, json_each(s.`durations`) d WHERE s.`specialist_id` = `directory_entries`.`specialist_id` AND s.`active` = 1), `price_currency` = (SELECT s.`currency` FROM `services` s, json_each(s.`durations`) d WHERE s.`specialist_id` = `directory_entries`.`specialist_id` AND s.`active` = 1 ORDER BY json_extract(d.value, '$.price'), s.`currency` LIMIT 1), `rating_count` = (SELECT count(*) FROM `reviews` r WHERE r.`specialist_id` = `directory_entries`.`specialist_id` AND r.`hidden_at` IS NULL), `rating_sum` = (SELECT coalesce(sum(r.`rating`), 0) FROM `reviews` r WHERE r.`specialist_id` = `directory_entries`.`specialist_id` AND r.`hidden_at` IS NULL);
--> statement-breakpoint
INSERT INTO `specialist_search` (`rowid`, `name`, `headline`, `bio`, `categories`, `services`) SELECT e.`id`, p.`name`, p.`headline`, p.`bio`, p.`categories`, (SELECT coalesce(group_concat(`name`, ' '), '') FROM `services` WHERE `specialist_id` = p.`id` AND `active` = 1) FROM `directory_entries` e JOIN `specialists` p ON p.`id` = e.`specialist_id`;
--> statement-breakpoint
CREATE TRIGGER `specialists_ins_directory` AFTER INSERT ON `specialists` BEGIN INSERT INTO `directory_entries` (`specialist_id`) VALUES (NEW.`id`); INSERT INTO `specialist_search` (`rowid`, `name`, `headline`, `bio`, `categories`, `services`) SELECT `id`, NEW.`name`, NEW.`headline`, NEW.`bio`, NEW.`categories`, '' FROM `directory_entries` WHERE `specialist_id` = NEW.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `specialists_upd_directory` AFTER UPDATE OF `name`, `headline`, `bio`, `categories` ON `specialists` BEGIN UPDATE `specialist_search` SET `name` = NEW.`name`, `headline` = NEW.`headline`, `bio` = NEW.`bio`, `categories` = NEW.`categories` WHERE `rowid` = (SELECT `id` FROM `directory_entries` WHERE `specialist_id` = NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `specialists_del_directory` AFTER DELETE ON `specialists` BEGIN DELETE FROM `specialist_search` WHERE `rowid` = (SELECT `id` FROM `directory_entries` WHERE `specialist_id` = OLD.`id`); DELETE FROM `directory_entries` WHERE `specialist_id` = OLD.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `services_ins_directory` AFTER INSERT ON `services` BEGIN UPDATE `directory_entries` SET `price_from` = (SELECT min(json_extract(d.value, '$.price')) FROM `services` s, json_each(s.`durations`) d WHERE s.`specialist_id` = `directory_entries`.`specialist_id` AND s.`active` = 1), `price_currency` = (SELECT s.`currency` FROM `services` s, json_each(s.`durations`) d WHERE s.`specialist_id` = `directory_entries`.`specialist_id` AND s.`active` = 1 ORDER BY json_extract(d.value, '$.price'), s.`currency` LIMIT 1) WHERE `specialist_id` IN (NEW.`specialist_id`); UPDATE `specialist_search` SET `services` = (SELECT coalesce(group_concat(`name`, ' '), '') FROM `services` WHERE `specialist_id` = (SELECT e.`specialist_id` FROM `directory_entries` e WHERE e.`id` = `specialist_search`.`rowid`) AND `active` = 1) WHERE `rowid` IN (SELECT `id` FROM `directory_entries` WHERE `specialist_id` IN (NEW.`specialist_id`)); END;
--> statement-breakpoint
CREATE TRIGGER `services_upd_directory` AFTER UPDATE OF `name`, `active`, `durations`, `currency`, `specialist_id` ON `services` BEGIN UPDATE `directory_entries` SET `price_from` = (SELECT min(json_extract(d.value, '$.price')) FROM `services` s, json_each(s.`durations`) d WHERE s.`specialist_id` = `directory_entries`.`specialist_id` AND s.`active` = 1), `price_currency` = (SELECT s.`currency` FROM `services` s, json_each(s.`durations`) d WHERE s.`specialist_id` = `directory_entries`.`specialist_id` AND s.`active` = 1 ORDER BY json_extract(d.value, '$.price'), s.`currency` LIMIT 1) WHERE `specialist_id` IN (OLD.`specialist_id`, NEW.`specialist_id`); UPDATE `specialist_search` SET `services` = (SELECT coalesce(group_concat(`name`, ' '), '') FROM `services` WHERE `specialist_id` = (SELECT e.`specialist_id` FROM `directory_entries` e WHERE e.`id` = `specialist_search`.`rowid`) AND `active` = 1) WHERE `rowid` IN (SELECT `id` FROM `directory_entries` WHERE `specialist_id` IN (OLD.`specialist_id`, NEW.`specialist_id`)); END;
--> statement-breakpoint
CREATE TRIGGER `services_del_directory` AFTER DELETE ON `services` BEGIN UPDATE `directory_entries` SET `price_from` = (SELECT min(json_extract(d.value, '$.price')) FROM `services` s, json_each(s.`durations`) d WHERE s.`specialist_id` = `directory_entries`.`specialist_id` AND s.`active` = 1), `price_currency` = (SELECT s.`currency` FROM `services` s, json_each(s.`durations`) d WHERE s.`specialist_id` = `directory_entries`.`specialist_id` AND s.`active` = 1 ORDER BY json_extract(d.value, '$.price'), s.`currency` LIMIT 1) WHERE `specialist_id` IN (OLD.`specialist_id`); UPDATE `specialist_search` SET `services` = (SELECT coalesce(group_concat(`name`, ' '), '') FROM `services` WHERE `specialist_id` = (SELECT e.`specialist_id` FROM `directory_entries` e WHERE e.`id` = `specialist_search`.`rowid`) AND `active` = 1) WHERE `rowid` IN (SELECT `id` FROM `directory_entries` WHERE `specialist_id` IN (OLD.`specialist_id`)); END;
--> statement-breakpoint
CREATE TRIGGER `reviews_ins_directory` AFTER INSERT ON `reviews` BEGIN UPDATE `directory_entries` SET `rating_count` = (SELECT count(*) FROM `reviews` r WHERE r.`specialist_id` = `directory_entries`.`specialist_id` AND r.`hidden_at` IS NULL), `rating_sum` = (SELECT coalesce(sum(r.`rating`), 0) FROM `reviews` r WHERE r.`specialist_id` = `directory_entries`.`specialist_id` AND r.`hidden_at` IS NULL) WHERE `specialist_id` IN (NEW.`specialist_id`); END;
--> statement-breakpoint
CREATE TRIGGER `reviews_upd_directory` AFTER UPDATE OF `rating`, `hidden_at`, `specialist_id` ON `reviews` BEGIN UPDATE `directory_entries` SET `rating_count` = (SELECT count(*) FROM `reviews` r WHERE r.`specialist_id` = `directory_entries`.`specialist_id` AND r.`hidden_at` IS NULL), `rating_sum` = (SELECT coalesce(sum(r.`rating`), 0) FROM `reviews` r WHERE r.`specialist_id` = `directory_entries`.`specialist_id` AND r.`hidden_at` IS NULL) WHERE `specialist_id` IN (OLD.`specialist_id`, NEW.`specialist_id`); END;
--> statement-breakpoint
CREATE TRIGGER `reviews_del_directory` AFTER DELETE ON `reviews` BEGIN UPDATE `directory_entries` SET `rating_count` = (SELECT count(*) FROM `reviews` r WHERE r.`specialist_id` = `directory_entries`.`specialist_id` AND r.`hidden_at` IS NULL), `rating_sum` = (SELECT coalesce(sum(r.`rating`), 0) FROM `reviews` r WHERE r.`specialist_id` = `directory_entries`.`specialist_id` AND r.`hidden_at` IS NULL) WHERE `specialist_id` IN (OLD.`specialist_id`); END;
--> statement-breakpoint
-- The directory's own columns join those that move `rules_version` (0009): every column of the row but the versions does.
DROP TRIGGER `specialists_row_moves_rules`;
--> statement-breakpoint
CREATE TRIGGER `specialists_row_moves_rules` AFTER UPDATE OF `handle`, `name`, `bio`, `time_zone`, `currency`, `allowed_origins`, `stripe_account_id`, `stripe_charges_enabled`, `reminder_hours`, `notification_email`, `daily_agenda`, `locale`, `feed_token_hash`, `meeting_link`, `photo_url`, `status`, `status_changed_at`, `status_reason`, `created_at`, `headline`, `categories`, `languages`, `directory_listed` ON `specialists` BEGIN UPDATE `specialists` SET `rules_version` = `rules_version` + 1 WHERE `id` = NEW.`id`; END;
