package data

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// migrations are applied in order; migration i brings the schema to
// user_version i+1. Never edit one that has shipped: append a new one.
var migrations = []string{
	// 1: articles, their text and raw bytes, full-text index, quotes, speakers.
	`
CREATE TABLE articles (
	id          INTEGER PRIMARY KEY,
	key         TEXT    NOT NULL UNIQUE,
	title       TEXT    NOT NULL,
	place       TEXT    NOT NULL DEFAULT '',
	source      TEXT    NOT NULL DEFAULT '',
	author      TEXT    NOT NULL DEFAULT '',
	url         TEXT    NOT NULL DEFAULT '',
	published   INTEGER NOT NULL DEFAULT 0, -- unix seconds, 0 when unknown
	added       INTEGER NOT NULL,           -- unix seconds
	sort_time   INTEGER NOT NULL,           -- published when known, else added: the list order
	origin      TEXT    NOT NULL DEFAULT '',
	read        INTEGER NOT NULL DEFAULT 0,
	starred     INTEGER NOT NULL DEFAULT 0,
	quote_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_order   ON articles(sort_time DESC, id DESC);
CREATE INDEX articles_unread  ON articles(sort_time DESC, id DESC) WHERE read = 0;
CREATE INDEX articles_starred ON articles(sort_time DESC, id DESC) WHERE starred = 1;

-- The text shown lives in the full-text index itself (no second copy).
CREATE VIRTUAL TABLE article_text USING fts5(
	title, body,
	tokenize = 'unicode61 remove_diacritics 2'
);
-- Bigger in-memory segments and lazier merging: importing is dominated by
-- segment merges otherwise. Queries stay fast (few, large segments).
INSERT INTO article_text(article_text, rank) VALUES ('hashsize', 33554432);
INSERT INTO article_text(article_text, rank) VALUES ('automerge', 8);

CREATE TABLE article_raw (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	raw        BLOB NOT NULL
);

CREATE TABLE quotes (
	id           INTEGER PRIMARY KEY,
	article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	sort_time    INTEGER NOT NULL, -- the article's, for newest-first listing
	text         TEXT    NOT NULL,
	content_start INTEGER NOT NULL,
	content_end   INTEGER NOT NULL,
	kind         TEXT    NOT NULL,
	cue          TEXT    NOT NULL DEFAULT '',
	cue_start    INTEGER NOT NULL DEFAULT -1,
	cue_end      INTEGER NOT NULL DEFAULT -1,
	source       TEXT    NOT NULL DEFAULT '',
	source_start INTEGER NOT NULL DEFAULT -1,
	source_end   INTEGER NOT NULL DEFAULT -1,
	speaker      TEXT    NOT NULL DEFAULT '',
	role         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX quotes_article ON quotes(article_id, content_start);
CREATE INDEX quotes_order   ON quotes(sort_time DESC, id DESC);
CREATE INDEX quotes_speaker ON quotes(speaker, sort_time DESC, id DESC);

-- Canonical speakers across articles, rebuilt by RefreshSpeakers.
CREATE TABLE speakers (
	id       INTEGER PRIMARY KEY,
	name     TEXT    NOT NULL UNIQUE,
	quotes   INTEGER NOT NULL DEFAULT 0,
	articles INTEGER NOT NULL DEFAULT 0
);
-- Every per-article speaker name and the canonical speaker it belongs to.
CREATE TABLE speaker_names (
	name       TEXT    PRIMARY KEY,
	speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX speaker_names_speaker ON speaker_names(speaker_id);

-- Counters kept by triggers, so the reader never counts rows.
CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO counters VALUES ('articles', 0), ('unread', 0), ('starred', 0), ('quotes', 0), ('speakers_generation', 0);
CREATE TRIGGER articles_count_ins AFTER INSERT ON articles BEGIN
	UPDATE counters SET value = value + 1 WHERE name = 'articles';
	UPDATE counters SET value = value + (NEW.read = 0) WHERE name = 'unread';
	UPDATE counters SET value = value + (NEW.starred = 1) WHERE name = 'starred';
END;
CREATE TRIGGER articles_count_del AFTER DELETE ON articles BEGIN
	UPDATE counters SET value = value - 1 WHERE name = 'articles';
	UPDATE counters SET value = value - (OLD.read = 0) WHERE name = 'unread';
	UPDATE counters SET value = value - (OLD.starred = 1) WHERE name = 'starred';
	DELETE FROM article_text WHERE rowid = OLD.id;
END;
CREATE TRIGGER articles_count_upd AFTER UPDATE OF read, starred ON articles BEGIN
	UPDATE counters SET value = value - (OLD.read = 0) + (NEW.read = 0) WHERE name = 'unread';
	UPDATE counters SET value = value - (OLD.starred = 1) + (NEW.starred = 1) WHERE name = 'starred';
END;
CREATE TRIGGER quotes_count_ins AFTER INSERT ON quotes BEGIN
	UPDATE counters SET value = value + 1 WHERE name = 'quotes';
END;
CREATE TRIGGER quotes_count_del AFTER DELETE ON quotes BEGIN
	UPDATE counters SET value = value - 1 WHERE name = 'quotes';
END;
`,
	// 2: feed subscriptions, and which articles came from which feed.
	`
CREATE TABLE feeds (
	id               INTEGER PRIMARY KEY,
	url              TEXT    NOT NULL UNIQUE,
	title            TEXT    NOT NULL DEFAULT '',
	tags             TEXT    NOT NULL DEFAULT '',  -- tags joined by newlines, sorted
	fulltext         INTEGER NOT NULL DEFAULT 1,   -- fetch linked pages for summary-only items
	added            INTEGER NOT NULL,             -- unix seconds
	etag             TEXT    NOT NULL DEFAULT '',
	last_modified    TEXT    NOT NULL DEFAULT '',
	last_fetch       INTEGER NOT NULL DEFAULT 0,   -- unix seconds, 0 before the first fetch
	last_error       TEXT    NOT NULL DEFAULT '',
	next_fetch_after INTEGER NOT NULL DEFAULT 0,   -- unix seconds: Retry-After
	last_items       INTEGER NOT NULL DEFAULT 0,   -- items in the last document fetched
	last_new         INTEGER NOT NULL DEFAULT 0    -- articles the last fetch stored
);
CREATE TABLE feed_items (
	feed_id    INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	guid       TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (feed_id, article_id)
) WITHOUT ROWID;
CREATE INDEX feed_items_article ON feed_items(article_id);
`,
	// 3: each feed's article and unread counts kept by triggers, so the
	// feeds view costs the same however many articles a feed has.
	`
ALTER TABLE feeds ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN unread_count  INTEGER NOT NULL DEFAULT 0;
UPDATE feeds SET
	article_count = (SELECT count(*) FROM feed_items i WHERE i.feed_id = feeds.id),
	unread_count  = (SELECT count(*) FROM feed_items i JOIN articles a ON a.id = i.article_id
	                 WHERE i.feed_id = feeds.id AND a.read = 0);
CREATE TRIGGER feed_items_count_ins AFTER INSERT ON feed_items BEGIN
	UPDATE feeds SET article_count = article_count + 1,
		unread_count = unread_count + coalesce((SELECT read = 0 FROM articles WHERE id = NEW.article_id), 0)
	WHERE id = NEW.feed_id;
END;
CREATE TRIGGER feed_items_count_del AFTER DELETE ON feed_items BEGIN
	UPDATE feeds SET article_count = article_count - 1,
		unread_count = unread_count - coalesce((SELECT read = 0 FROM articles WHERE id = OLD.article_id), 0)
	WHERE id = OLD.feed_id;
END;
CREATE TRIGGER feed_unread_upd AFTER UPDATE OF read ON articles WHEN OLD.read != NEW.read BEGIN
	UPDATE feeds SET unread_count = unread_count - (OLD.read = 0) + (NEW.read = 0)
	WHERE id IN (SELECT feed_id FROM feed_items WHERE article_id = NEW.id);
END;
`,
	// 4: quote and article counts per speaker name, kept as quotes come and
	// go, so RefreshSpeakers reads one row per name, not every quote.
	`
CREATE TABLE speaker_stats (
	name     TEXT    PRIMARY KEY,
	quotes   INTEGER NOT NULL DEFAULT 0,
	articles INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO speaker_stats(name, quotes, articles)
	SELECT speaker, count(*), count(DISTINCT article_id) FROM quotes WHERE speaker != '' GROUP BY speaker;
-- Insert adds to speaker_stats a batch at a time (cheaper than a trigger
-- per quote); deleting a quote takes it off here.
CREATE TRIGGER speaker_stats_del AFTER DELETE ON quotes WHEN OLD.speaker != '' BEGIN
	UPDATE speaker_stats SET quotes = quotes - 1,
		articles = articles - ((SELECT count(*) FROM quotes
			WHERE article_id = OLD.article_id AND speaker = OLD.speaker) = 0)
	WHERE name = OLD.speaker;
END;
INSERT INTO counters VALUES ('quotes_at_refresh', -1);
`,
	// 5: Insert counts each batch's articles and quotes itself: a trigger
	// run per inserted row cost an import more than the row.
	`
DROP TRIGGER articles_count_ins;
DROP TRIGGER quotes_count_ins;
`,
	// 6: raw bytes that are the title and the text as shown, as in most
	// article files, are not stored twice (see rawLayout).
	`
ALTER TABLE article_raw ADD COLUMN layout INTEGER NOT NULL DEFAULT 0;
`,
	// 7: an article's quotes are a run of quote ids from first_quote, as
	// Insert has always stored them, so neither the article view nor the
	// list of all quotes needs an index of its own on quotes: two indexes
	// fewer to write for every quote imported. (byline deletes no articles;
	// a deleted article's quotes are found by a scan.)
	`
ALTER TABLE articles ADD COLUMN first_quote INTEGER NOT NULL DEFAULT 0;
UPDATE articles SET first_quote = (SELECT min(id) FROM quotes q WHERE q.article_id = articles.id) WHERE quote_count > 0;
DROP INDEX quotes_order;
DROP INDEX quotes_article;
`,
	// 8: the full-text index writes leaves of up to 16 KB, not FTS5's
	// 4 KB (sized for 4 KiB pages): on the store's 64 KiB pages a quarter
	// as many rows for the same index, and an import 8% faster. A store
	// made with 4 KiB pages (before their size took) keeps 4 KB leaves,
	// which fit its pages; segments written before keep theirs.
	`
INSERT INTO article_text(article_text, rank)
	SELECT 'pgsz', 16000 FROM pragma_page_size WHERE page_size >= 65536;
`,
	// 9: an article's quotes in one row, packed (see packQuotes), and one
	// row per speaker name and article to find a speaker's quotes by: an
	// import with quotes wrote a row and an index entry per quote, and
	// spent a third of its writing on them. packOldQuotes then moves the
	// quotes table's rows into packs and drops it. (byline deletes no
	// articles; a deleted article's speaker rows are found by a scan.)
	`
CREATE TABLE article_quotes (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	quotes     BLOB NOT NULL
);
CREATE TABLE speaker_articles (
	name       TEXT    NOT NULL,
	sort_time  INTEGER NOT NULL, -- the article's, for newest-first listing
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	quotes     INTEGER NOT NULL, -- the name's quotes in the article
	PRIMARY KEY (name, sort_time, article_id)
) WITHOUT ROWID;
-- The id the next quote gets: quotes have ids (an article's are the run
-- from its first_quote), but no table of their own to take the next from.
INSERT INTO counters VALUES ('next_quote_id', (SELECT coalesce(max(id), 0) + 1 FROM quotes));
CREATE TRIGGER speaker_articles_del AFTER DELETE ON speaker_articles BEGIN
	UPDATE speaker_stats SET quotes = quotes - OLD.quotes, articles = articles - 1 WHERE name = OLD.name;
END;
CREATE TRIGGER articles_quotes_del AFTER DELETE ON articles WHEN OLD.quote_count > 0 BEGIN
	UPDATE counters SET value = value - OLD.quote_count WHERE name = 'quotes';
END;
`,
	// 10: speakers are merged with the number of articles naming each name
	// (MergeSpeakers): the next import or fetch refreshes them, new quotes
	// or not.
	`UPDATE counters SET value = -1 WHERE name = 'quotes_at_refresh';`,
	// 11: a feed's articles in list order, and its unread and starred ones,
	// are read down an index of its own (see listQuery): the list of one
	// feed sorted every article of the feed for each page. feed_items keeps
	// a copy of each article's sort time and flags for it, written by
	// LinkItems and kept in step by the trigger.
	`
ALTER TABLE feed_items ADD COLUMN sort_time INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feed_items ADD COLUMN read      INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feed_items ADD COLUMN starred   INTEGER NOT NULL DEFAULT 0;
UPDATE feed_items SET sort_time = a.sort_time, read = a.read, starred = a.starred
	FROM articles a WHERE a.id = feed_items.article_id;
CREATE INDEX feed_items_order   ON feed_items(feed_id, sort_time DESC, article_id DESC);
CREATE INDEX feed_items_unread  ON feed_items(feed_id, sort_time DESC, article_id DESC) WHERE read = 0;
CREATE INDEX feed_items_starred ON feed_items(feed_id, sort_time DESC, article_id DESC) WHERE starred = 1;
CREATE TRIGGER feed_items_follow AFTER UPDATE OF sort_time, read, starred ON articles
	WHEN OLD.sort_time != NEW.sort_time OR OLD.read != NEW.read OR OLD.starred != NEW.starred BEGIN
	UPDATE feed_items SET sort_time = NEW.sort_time, read = NEW.read, starred = NEW.starred
	WHERE article_id = NEW.id;
END;
`,
	// 12: the list of all quotes reads down the articles that have quotes:
	// down articles_order it stepped over every article without any, all
	// of the newest when only older ones were quoted.
	`CREATE INDEX articles_quoted ON articles(sort_time DESC, id DESC) WHERE quote_count > 0;`,
}

// migrationCode runs Go after a migration's SQL, in its transaction, where
// SQL alone cannot do the work: by the version the migration brings.
var migrationCode = map[int]func(context.Context, *sql.Tx) error{
	9: packOldQuotes,
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int { return len(migrations) }

func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	return s.migrateFrom(ctx, version)
}

// migrateFrom applies the migrations after version, as read outside any
// transaction (a store up to date takes no write lock). Another process
// opening the store may have migrated it since: each migration's
// transaction holds the write lock (BEGIN IMMEDIATE) and reads the version
// again, and applies only what is still missing.
func (s *Store) migrateFrom(ctx context.Context, version int) error {
	for version < len(migrations) {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
			tx.Rollback()
			return fmt.Errorf("read schema version: %w", err)
		}
		if version >= len(migrations) {
			tx.Rollback()
			break
		}
		if err := applyMigration(ctx, tx, version); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate schema to version %d: %w", version+1, err)
		}
		version++
	}
	if version > len(migrations) {
		return fmt.Errorf("store schema version %d is newer than this byline understands (%d): upgrade byline", version, len(migrations))
	}
	return nil
}

// applyMigration applies migration v (to version v+1) in tx.
func applyMigration(ctx context.Context, tx *sql.Tx, v int) error {
	if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
		return fmt.Errorf("migrate schema to version %d: %w", v+1, err)
	}
	if code := migrationCode[v+1]; code != nil {
		if err := code(ctx, tx); err != nil {
			return fmt.Errorf("migrate schema to version %d: %w", v+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
		return fmt.Errorf("migrate schema to version %d: %w", v+1, err)
	}
	return nil
}

// packOldQuotes is migration 9's work: each article's rows of the quotes
// table become its pack, in text order, and its speaker rows; then the
// table goes with its triggers. A quote outside its article's run of ids
// or naming another article (never written by Insert; Verify looked for
// them) is left out, and the counts are taken again from what was packed,
// so the store comes out consistent whatever it went in as.
func packOldQuotes(ctx context.Context, tx *sql.Tx) error {
	// The speaker rows of the quotes about to be packed, before any count
	// is taken again.
	if _, err := tx.ExecContext(ctx, `INSERT INTO speaker_articles(name, sort_time, article_id, quotes)
		SELECT q.speaker, a.sort_time, a.id, count(*) FROM articles a
		JOIN quotes q ON q.id BETWEEN a.first_quote AND a.first_quote + a.quote_count - 1 AND q.article_id = a.id
		WHERE a.quote_count > 0 AND q.speaker != '' GROUP BY q.speaker, a.id`); err != nil {
		return err
	}
	// Down the articles and each one's run in id order: no sort of every
	// quote.
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.quote_count, q.id, q.text, q.content_start, q.content_end, q.kind,
		q.cue, q.cue_start, q.cue_end, q.source, q.source_start, q.source_end, q.speaker, q.role
		FROM articles a JOIN quotes q ON q.id BETWEEN a.first_quote AND a.first_quote + a.quote_count - 1
			AND q.article_id = a.id
		WHERE a.quote_count > 0 ORDER BY a.id, q.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	insert, err := tx.PrepareContext(ctx, "INSERT INTO article_quotes(article_id, quotes) VALUES (?, ?)")
	if err != nil {
		return err
	}
	defer insert.Close()
	recount, err := tx.PrepareContext(ctx, "UPDATE articles SET quote_count = ? WHERE id = ?")
	if err != nil {
		return err
	}
	defer recount.Close()
	type idQuote struct {
		id int64
		Quote
	}
	var article, counted int64
	var run []idQuote
	qs := []Quote{}
	flush := func() error {
		if len(run) == 0 {
			return nil
		}
		// Text order: Insert numbered an article's quotes from the last,
		// and before that from the first, so the ids cannot tell it.
		slices.SortFunc(run, func(a, b idQuote) int {
			return cmp.Or(cmp.Compare(a.Content.Start, b.Content.Start), cmp.Compare(b.id, a.id))
		})
		qs = qs[:0]
		for _, q := range run {
			qs = append(qs, q.Quote)
		}
		if _, err := insert.ExecContext(ctx, article, packQuotes(nil, qs)); err != nil {
			return err
		}
		if int64(len(run)) != counted {
			if _, err := recount.ExecContext(ctx, int64(len(run)), article); err != nil {
				return err
			}
		}
		run = run[:0]
		return nil
	}
	for rows.Next() {
		var a, n int64
		var q idQuote
		var kind string
		if err := rows.Scan(&a, &n, &q.id, &q.Text, &q.Content.Start, &q.Content.End, &kind, &q.Cue, &q.CueSpan.Start,
			&q.CueSpan.End, &q.Source, &q.SourceSpan.Start, &q.SourceSpan.End, &q.Speaker, &q.Role); err != nil {
			return err
		}
		q.Kind = QuoteKind(kind)
		if a != article {
			if err := flush(); err != nil {
				return err
			}
			article, counted = a, n
		}
		run = append(run, q)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	rows.Close()
	for _, q := range []string{
		// articles whose quotes were all left out
		`UPDATE articles SET quote_count = 0, first_quote = 0
			WHERE quote_count > 0 AND id NOT IN (SELECT article_id FROM article_quotes)`,
		// the speaker counts, from the quotes packed
		"DELETE FROM speaker_stats",
		`INSERT INTO speaker_stats(name, quotes, articles)
			SELECT name, sum(quotes), count(*) FROM speaker_articles GROUP BY name`,
		"UPDATE counters SET value = (SELECT coalesce(sum(quote_count), 0) FROM articles) WHERE name = 'quotes'",
		"UPDATE counters SET value = -1 WHERE name = 'quotes_at_refresh'", // speakers refreshed on the next import
		"DROP TABLE quotes",
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}
