package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// InsertStatus says what became of one article handed to Insert.
type InsertStatus int

const (
	Inserted  InsertStatus = iota // new in the store
	Duplicate                     // an article with the same key was already there
)

// Insert stores a batch of articles, each with its text, raw bytes and
// quotes, in one transaction: a batch is stored whole or not at all, so an
// import killed at any point leaves a consistent store, and a re-run adds what
// is missing (articles already stored, or twice in the batch, are
// Duplicates). IDs are set on the inserted articles.
//
// Rows go in with multi-row statements: per-statement overhead, and FTS5's
// flush of its in-memory segment at every statement, would otherwise cost
// more than the data.
func (s *Store) Insert(ctx context.Context, batch []Article) ([]InsertStatus, error) {
	status := make([]InsertStatus, len(batch))
	if err := s.writeTx(ctx, func(w *writeConn) error { return insertBatch(ctx, w, batch, status) }); err != nil {
		return nil, err
	}
	return status, nil
}

// insertBatch is Insert's transaction.
func insertBatch(ctx context.Context, w *writeConn, batch []Article, status []InsertStatus) error {
	existing, err := existingKeys(ctx, w, batch)
	if err != nil {
		return err
	}
	var nextID, nextQuote int64
	if err := w.conn.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(id), 0) + 1 FROM articles),
		(SELECT value FROM counters WHERE name = 'next_quote_id')`).Scan(&nextID, &nextQuote); err != nil {
		return err
	}
	now := time.Now().Unix()
	var articles, texts, raws, packs, speakerRows, stats rowValues
	articles.columns, texts.columns, raws.columns, packs.columns, speakerRows.columns, stats.columns = 15, 3, 3, 2, 4, 3
	articles.args = make([]any, 0, len(batch)*articles.columns)
	texts.args = make([]any, 0, len(batch)*texts.columns)
	raws.args = make([]any, 0, len(batch)*raws.columns)
	packs.args = make([]any, 0, len(batch)*packs.columns)
	type speakerCount struct{ quotes, articles int }
	speakers := map[string]*speakerCount{}
	var inArticle map[string]int // quotes of each speaker in the article at hand
	var names []string           // its speakers in text order
	for i := range batch {
		a := &batch[i]
		if a.Key == "" {
			return fmt.Errorf("article %q (%s) has no key", a.Title, a.Origin)
		}
		if err := checkQuotes(a); err != nil {
			return err
		}
		if existing[a.Key] {
			status[i] = Duplicate
			continue
		}
		existing[a.Key] = true
		id := nextID
		nextID++
		added := now
		if !a.Added.IsZero() {
			added = a.Added.Unix()
		}
		published := unixOrZero(a.Published)
		sortTime := published
		if sortTime == 0 {
			sortTime = added
		}
		firstQuote := int64(0)
		if len(a.Quotes) > 0 {
			firstQuote = nextQuote
		}
		articles.add(id, a.Key, a.Title, a.Place, a.Source, a.Author, a.URL,
			published, added, sortTime, a.Origin, a.Read, a.Starred, int64(len(a.Quotes)), firstQuote)
		texts.add(id, a.Title, a.Body)
		layout := rawLayoutOf(a)
		raw := a.Raw
		if raw == nil || layout != rawAsIs {
			raw = []byte{}
		}
		raws.add(id, raw, int64(layout))
		// An article's quotes are the run of ids from first_quote, last
		// to first (the article view and the list of all quotes number
		// them so): listings run newest first by (sort_time, id)
		// descending, and this makes an article's quotes come out in text
		// order there.
		if len(a.Quotes) > 0 {
			packs.add(id, packQuotes(nil, a.Quotes))
			nextQuote += int64(len(a.Quotes))
			clear(inArticle)
			if inArticle == nil {
				inArticle = map[string]int{}
			}
			names = names[:0]
			for _, q := range a.Quotes {
				if q.Speaker == "" {
					continue
				}
				if inArticle[q.Speaker] == 0 {
					names = append(names, q.Speaker)
				}
				inArticle[q.Speaker]++
			}
			for _, name := range names {
				n := inArticle[name]
				speakerRows.add(name, sortTime, id, int64(n))
				c := speakers[name]
				if c == nil {
					c = &speakerCount{}
					speakers[name] = c
				}
				c.quotes += n
				c.articles++
			}
		}
		a.ID = id
		status[i] = Inserted
	}
	for name, c := range speakers {
		stats.add(name, int64(c.quotes), int64(c.articles))
	}
	if err := addCounts(ctx, w.conn, batch, status, nextQuote); err != nil {
		return fmt.Errorf("store articles: %w", err)
	}
	for _, ins := range []struct {
		prefix string
		rows   *rowValues
		suffix string
	}{
		{`INSERT INTO articles (id, key, title, place, source, author, url, published, added, sort_time,
			origin, read, starred, quote_count, first_quote) VALUES `, &articles, ""},
		{"INSERT INTO article_raw(article_id, raw, layout) VALUES ", &raws, ""},
		{"INSERT INTO article_quotes(article_id, quotes) VALUES ", &packs, ""},
		{"INSERT INTO speaker_articles(name, sort_time, article_id, quotes) VALUES ", &speakerRows, ""},
		{`INSERT INTO speaker_stats(name, quotes, articles) VALUES `, &stats,
			` ON CONFLICT(name) DO UPDATE SET quotes = quotes + excluded.quotes, articles = articles + excluded.articles`},
		// The full-text index last: every statement after a write to it in
		// the transaction makes FTS5 flush at its savepoint.
		{"INSERT INTO article_text(rowid, title, body) VALUES ", &texts, ""},
	} {
		// The full-text rows go in one statement however many there are;
		// the others in statements of at most 128 rows, which SQLite parses
		// quickly (an import opens its store afresh, so it prepares each
		// statement shape once).
		maxRows := 128
		if ins.rows == &texts {
			maxRows = 0
		}
		if err := w.insertRows(ctx, ins.prefix, ins.rows, ins.suffix, maxRows); err != nil {
			return fmt.Errorf("store articles: %w", err)
		}
	}
	return nil
}

// addCounts adds the inserted articles and quotes to the store's counters
// (schema version 5 on; deletes are counted by triggers), and sets the id
// the next quote gets.
func addCounts(ctx context.Context, conn *sql.Conn, batch []Article, status []InsertStatus, nextQuote int64) error {
	var articles, unread, starred, quotes int
	for i := range batch {
		if status[i] != Inserted {
			continue
		}
		a := &batch[i]
		articles++
		if !a.Read {
			unread++
		}
		if a.Starred {
			starred++
		}
		quotes += len(a.Quotes)
	}
	if articles == 0 {
		return nil
	}
	_, err := conn.ExecContext(ctx, `UPDATE counters SET value = CASE name
		WHEN 'articles' THEN value + ? WHEN 'unread' THEN value + ? WHEN 'starred' THEN value + ?
		WHEN 'quotes' THEN value + ? ELSE ? END
		WHERE name IN ('articles', 'unread', 'starred', 'quotes', 'next_quote_id')`,
		int64(articles), int64(unread), int64(starred), int64(quotes), nextQuote)
	return err
}

// existingKeys returns which of the batch's keys the store already holds.
func existingKeys(ctx context.Context, w *writeConn, batch []Article) (map[string]bool, error) {
	keys := make([]string, len(batch))
	for i := range batch {
		keys[i] = batch[i].Key
	}
	stmt, err := w.stmt(ctx, storedKeysQuery)
	if err != nil {
		return nil, err
	}
	return storedKeys(ctx, w.conn, stmt, keys)
}

// Stored returns which of the keys the store holds, with one query: an
// import asks it for each batch, before it extracts quotes.
func (s *Store) Stored(ctx context.Context, keys []string) (map[string]bool, error) {
	stmt, err := s.cachedStmt(ctx, storedKeysQuery)
	if err != nil {
		return nil, err
	}
	return storedKeys(ctx, s.db, stmt, keys)
}

// rowQuerier is a *sql.DB or *sql.Conn.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// storedKeysQuery takes the keys as one JSON array, so one statement,
// prepared once, serves any number of keys (a statement with a parameter
// per key was parsed afresh for each batch).
const storedKeysQuery = "SELECT key FROM articles WHERE key IN (SELECT value FROM json_each(?))"

func storedKeys(ctx context.Context, db rowQuerier, stmt *sql.Stmt, keys []string) (map[string]bool, error) {
	seen := make(map[string]bool, len(keys))
	// JSON carries valid UTF-8 only; a key that is not (no source of
	// byline's makes one) is asked for by itself.
	var valid []string
	for _, k := range keys {
		if utf8.ValidString(k) {
			valid = append(valid, k)
			continue
		}
		var one int
		switch err := db.QueryRowContext(ctx, "SELECT 1 FROM articles WHERE key = ?", k).Scan(&one); {
		case err == nil:
			seen[k] = true
		case !errors.Is(err, sql.ErrNoRows):
			return nil, err
		}
	}
	if len(valid) == 0 {
		return seen, nil
	}
	list, err := json.Marshal(valid)
	if err != nil {
		return nil, err
	}
	rows, err := stmt.QueryContext(ctx, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		seen[k] = true
	}
	return seen, rows.Err()
}

// checkQuotes refuses quotes no reader could show: an unknown kind, or a
// content span that is not inside the article's text.
func checkQuotes(a *Article) error {
	for _, q := range a.Quotes {
		switch q.Kind {
		case Direct, Mixed, Indirect:
		default:
			return fmt.Errorf("article %q (%s): quote of unknown kind %q", a.Title, a.Origin, q.Kind)
		}
		if q.Content.Start < 0 || q.Content.Start > q.Content.End || q.Content.End > len(a.Body) {
			return fmt.Errorf("article %q (%s): quote span %d-%d is not inside its %d bytes of text",
				a.Title, a.Origin, q.Content.Start, q.Content.End, len(a.Body))
		}
	}
	return nil
}

// rowValues collects rows for multi-row INSERT statements. Numbers go in as
// int64, which database/sql passes on as they are (an int is converted by
// reflection, for each of an import's hundreds of thousands of values).
type rowValues struct {
	columns int
	args    []any
}

func (r *rowValues) add(values ...any) { r.args = append(r.args, values...) }

// insertRows inserts the rows with few statements: rows go in chunks of a
// power of two up to limit rows, so a handful of statement shapes, each
// prepared once on the write connection, serve every batch. With limit 0
// they go in one statement however many there are (up to SQLite's 32,766
// parameters): the full-text index flushes a segment at every statement
// that writes to it, and a batch's last rows in chunks made a segment each.
// A statement of some other number of rows is prepared for its one use, so
// the statements kept stay a handful whatever the batches.
func (w *writeConn) insertRows(ctx context.Context, prefix string, r *rowValues, suffix string, limit int) error {
	const maxParams = 32766
	maxRows := 1
	for maxRows*2*r.columns <= maxParams && (limit == 0 || maxRows*2 <= limit) {
		maxRows *= 2
	}
	tuple := "(" + placeholders(r.columns) + "),"
	for args := r.args; len(args) >= r.columns; {
		n := maxRows
		if rows := len(args) / r.columns; limit == 0 && rows*r.columns <= maxParams {
			n = rows
		}
		for n > len(args)/r.columns {
			n /= 2
		}
		query := prefix + strings.TrimSuffix(strings.Repeat(tuple, n), ",") + suffix
		if n&(n-1) == 0 {
			stmt, err := w.stmt(ctx, query)
			if err != nil {
				return err
			}
			if _, err := stmt.ExecContext(ctx, args[:n*r.columns]...); err != nil {
				return err
			}
		} else if _, err := w.conn.ExecContext(ctx, query, args[:n*r.columns]...); err != nil {
			return err
		}
		args = args[n*r.columns:]
	}
	return nil
}
