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
	db, err := openDB(path)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// openDB opens the store file at path, creating it if needed, with the
// store's settings, and leaves its schema as it is.
func openDB(path string) (*sql.DB, error) {
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
	return db, nil
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
