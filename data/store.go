package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"

	_ "modernc.org/sqlite" // pure-Go SQLite driver with FTS5
)

// Store is byline's article store: one SQLite file in WAL mode, so a reader
// and an importer can use it at once.
type Store struct {
	db   *sql.DB
	path string

	// speakerIndex caches the speakers for fuzzy search; it is reloaded when
	// the speakers generation in the store changes (another process may
	// have imported).
	speakerMu    sync.Mutex
	speakerIndex *speakerIndex

	stmtMu sync.Mutex
	stmts  stmtCache // prepared on the pool on first use

	writer writeConn // the connection Insert and RefreshSpeakers write through
}

// ErrNotFound is returned when an article or quote does not exist.
var ErrNotFound = errors.New("not found")

// Open opens (creating if needed) the store at path and migrates its schema
// forward. Opening costs the same whatever the store holds: it reads the
// schema version and nothing else.
func Open(path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create store folder: %w", err)
		}
	}
	if err := createWithPageSize(path, pageSize); err != nil {
		return nil, fmt.Errorf("create store %s: %w", path, err)
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "cache_size(-32768)") // 32 MiB per connection
	// Statement journals (a multi-row insert writes one, to undo itself
	// alone) and temporary indexes stay in memory instead of temp files.
	q.Add("_pragma", "temp_store(MEMORY)")
	// SQLite checkpoints every 1,000 pages of WAL (64 MiB at our page
	// size) and an import copies the log as it goes (CopyLog); a
	// checkpoint trims the WAL file back to 64 MiB.
	q.Add("_pragma", "journal_size_limit(67108864)")
	// Write transactions take the write lock at BEGIN, so two writers wait
	// on the busy timeout instead of failing on lock upgrade.
	q.Set("_txlock", "immediate")
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// pageSize is the page size of a new store. Bigger pages than SQLite's 4 KiB
// mean fewer pages to allocate, balance and log for the same rows, and the
// full-text index's segments and the articles' text span fewer of them.
const pageSize = 65536

// createWithPageSize creates an empty store file with the given page size,
// unless the file exists. The page size has to be written before the file
// turns to WAL: once in WAL mode it can no longer change, and SQLite
// switching an empty file to WAL fixes it at the default.
func createWithPageSize(path string, size int) error {
	if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
		return nil
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", fmt.Sprintf("page_size(%d)", size))
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return err
	}
	defer db.Close()
	// VACUUM writes the header of an empty file, page size included. A file
	// another process has filled since the Stat is left alone.
	var pages int
	if err := db.QueryRow("PRAGMA page_count").Scan(&pages); err != nil || pages > 0 {
		return err
	}
	_, err = db.Exec("VACUUM")
	return err
}

// cachedStmt returns the statement for query on the pool, preparing it the
// first time.
func (s *Store) cachedStmt(ctx context.Context, query string) (*sql.Stmt, error) {
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	return s.stmts.get(ctx, query, s.db.PrepareContext)
}

// stmtCache holds prepared statements by their query.
type stmtCache map[string]*sql.Stmt

// get returns the statement for query, preparing it with prepare the first
// time.
func (c *stmtCache) get(ctx context.Context, query string, prepare func(context.Context, string) (*sql.Stmt, error)) (*sql.Stmt, error) {
	if stmt, ok := (*c)[query]; ok {
		return stmt, nil
	}
	stmt, err := prepare(ctx, query)
	if err != nil {
		return nil, err
	}
	if *c == nil {
		*c = stmtCache{}
	}
	(*c)[query] = stmt
	return stmt, nil
}

// close closes the statements and empties the cache.
func (c *stmtCache) close() {
	for _, stmt := range *c {
		stmt.Close()
	}
	*c = nil
}

// queryer is a *sql.DB or a *sql.Conn.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// queryMap reads rows of two columns, key and value, into a map.
func queryMap[K comparable, V any](ctx context.Context, db queryer, query string, args ...any) (map[K]V, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[K]V{}
	for rows.Next() {
		var k K
		var v V
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		m[k] = v
	}
	return m, rows.Err()
}

// placeholders is "?,?,...?" for n parameters.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// Path is the store's file.
func (s *Store) Path() string { return s.path }

// Close closes the store.
func (s *Store) Close() error {
	s.writer.mu.Lock()
	s.writer.close()
	s.writer.mu.Unlock()
	s.stmtMu.Lock()
	s.stmts.close()
	s.stmtMu.Unlock()
	return s.db.Close()
}

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
	if version > len(migrations) {
		return fmt.Errorf("store schema version %d is newer than this byline understands (%d): upgrade byline", version, len(migrations))
	}
	for v := version; v < len(migrations); v++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate schema to version %d: %w", v+1, err)
		}
		if code := migrationCode[v+1]; code != nil {
			if err := code(ctx, tx); err != nil {
				tx.Rollback()
				return fmt.Errorf("migrate schema to version %d: %w", v+1, err)
			}
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate schema to version %d: %w", v+1, err)
		}
	}
	return nil
}

// Checkpoint copies the write-ahead log into the database file, so a bulk
// import leaves the store compact and its last pages safely on disk.
func (s *Store) Checkpoint(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	return err
}

// CopyLog copies what it can of the write-ahead log into the database file
// without waiting for anyone, beside a writer that goes on writing: a bulk
// import runs it between its batches on a spare core, so that its closing
// Checkpoint has little left to copy.
func (s *Store) CopyLog(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)")
	return err
}

// Counts are the store's totals, kept in the counters table as rows come
// and go (Insert adds, triggers follow deletes and flags): no row counting.
type Counts struct {
	Articles, Unread, Starred, Quotes int
}

// Counts returns the store's totals in constant time.
func (s *Store) Counts(ctx context.Context) (Counts, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT name, value FROM counters")
	if err != nil {
		return Counts{}, err
	}
	defer rows.Close()
	var c Counts
	for rows.Next() {
		var name string
		var v int
		if err := rows.Scan(&name, &v); err != nil {
			return Counts{}, err
		}
		switch name {
		case "articles":
			c.Articles = v
		case "unread":
			c.Unread = v
		case "starred":
			c.Starred = v
		case "quotes":
			c.Quotes = v
		}
	}
	return c, rows.Err()
}

// Verify checks that every article was stored whole: its text, raw bytes and
// as many quotes as it counts. It reads the whole store: for tests and
// repair, not for the reader.
func (s *Store) Verify(ctx context.Context) error {
	checks := []struct{ what, query string }{
		{"articles without text", "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_text t WHERE t.rowid = a.id)"},
		{"texts without article", "SELECT count(*) FROM article_text t WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.rowid)"},
		{"articles without raw bytes", "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_raw r WHERE r.article_id = a.id)"},
		{"articles without their quotes, or quotes without their article", `SELECT
			(SELECT count(*) FROM articles a WHERE a.quote_count > 0 AND NOT EXISTS (SELECT 1 FROM article_quotes q WHERE q.article_id = a.id))
			+ (SELECT count(*) FROM article_quotes q WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = q.article_id AND a.quote_count > 0))`},
		{"articles whose runs of quote ids overlap, or reach the next id", `SELECT count(*) FROM
			(SELECT first_quote + quote_count AS past, lead(first_quote) OVER (ORDER BY id) AS next FROM articles WHERE quote_count > 0)
			WHERE past > coalesce(next, (SELECT value FROM counters WHERE name = 'next_quote_id'))`},
		{"rows without their article", `SELECT (SELECT count(*) FROM speaker_articles q WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = q.article_id))
			+ (SELECT count(*) FROM article_raw r WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = r.article_id))`},
		{"speaker names without speaker", "SELECT count(*) FROM speaker_names n WHERE NOT EXISTS (SELECT 1 FROM speakers s WHERE s.id = n.speaker_id)"},
		{"counters off", `SELECT (SELECT value FROM counters WHERE name = 'articles') != (SELECT count(*) FROM articles)
			+ ((SELECT value FROM counters WHERE name = 'unread') != (SELECT count(*) FROM articles WHERE read = 0))
			+ ((SELECT value FROM counters WHERE name = 'starred') != (SELECT count(*) FROM articles WHERE starred = 1))
			+ ((SELECT value FROM counters WHERE name = 'quotes') != (SELECT coalesce(sum(quote_count), 0) FROM articles))`},
		{"speaker counts off", `SELECT count(*) FROM (SELECT name, sum(quotes) AS n, count(*) AS a
			FROM speaker_articles GROUP BY name) q LEFT JOIN speaker_stats s ON s.name = q.name
			WHERE s.quotes IS NOT q.n OR s.articles IS NOT q.a`},
	}
	for _, c := range checks {
		var n int
		if err := s.db.QueryRowContext(ctx, c.query).Scan(&n); err != nil {
			return fmt.Errorf("verify store: %w", err)
		}
		if n != 0 {
			return fmt.Errorf("verify store: %d %s", n, c.what)
		}
	}
	if err := s.verifyQuotes(ctx); err != nil {
		return fmt.Errorf("verify store: %w", err)
	}
	var result string
	if err := s.db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&result); err != nil {
		return fmt.Errorf("verify store: %w", err)
	}
	if result != "ok" {
		return fmt.Errorf("verify store: quick_check: %s", result)
	}
	return nil
}
