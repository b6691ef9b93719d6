package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
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
	tx, err := s.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE: we hold the write lock from here
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()

	existing, err := existingKeys(ctx, tx, batch)
	if err != nil {
		return nil, err
	}
	var nextID, nextQuote int64
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(id), 0) + 1 FROM articles),
		(SELECT coalesce(max(id), 0) + 1 FROM quotes)`).Scan(&nextID, &nextQuote); err != nil {
		return nil, err
	}
	now := time.Now().Unix()
	var articles, texts, raws, quotes, stats rowValues
	articles.columns, texts.columns, raws.columns, quotes.columns, stats.columns = 15, 3, 3, 15, 3
	nquotes := 0
	for i := range batch {
		nquotes += len(batch[i].Quotes)
	}
	articles.args = make([]any, 0, len(batch)*articles.columns)
	texts.args = make([]any, 0, len(batch)*texts.columns)
	raws.args = make([]any, 0, len(batch)*raws.columns)
	quotes.args = make([]any, 0, nquotes*quotes.columns)
	type speakerCount struct{ quotes, articles int }
	speakers := map[string]*speakerCount{}
	for i := range batch {
		a := &batch[i]
		if a.Key == "" {
			return nil, fmt.Errorf("article %q (%s) has no key", a.Title, a.Origin)
		}
		if err := checkQuotes(a); err != nil {
			return nil, err
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
			published, added, sortTime, a.Origin, a.Read, a.Starred, len(a.Quotes), firstQuote)
		texts.add(id, a.Title, a.Body)
		layout := rawLayoutOf(a)
		raw := a.Raw
		if raw == nil || layout != rawAsIs {
			raw = []byte{}
		}
		raws.add(id, raw, layout)
		// An article's quotes are the run of ids from first_quote (the
		// article view and the list of all quotes read them so), last to
		// first: listings run newest first by (sort_time, id) descending,
		// and this makes an article's quotes come out in text order there.
		var seen map[string]bool // the speakers of this article counted
		if len(a.Quotes) > 0 {
			seen = map[string]bool{}
		}
		for j := len(a.Quotes) - 1; j >= 0; j-- {
			q := a.Quotes[j]
			if q.Speaker != "" {
				c := speakers[q.Speaker]
				if c == nil {
					c = &speakerCount{}
					speakers[q.Speaker] = c
				}
				c.quotes++
				if !seen[q.Speaker] {
					seen[q.Speaker] = true
					c.articles++
				}
			}
			quotes.add(nextQuote, id, sortTime, q.Text, q.Content.Start, q.Content.End, string(q.Kind),
				q.Cue, q.CueSpan.Start, q.CueSpan.End, q.Source, q.SourceSpan.Start, q.SourceSpan.End,
				q.Speaker, q.Role)
			nextQuote++
		}
		a.ID = id
		status[i] = Inserted
	}
	for name, c := range speakers {
		stats.add(name, c.quotes, c.articles)
	}
	if err := addCounts(ctx, tx, batch, status); err != nil {
		return nil, fmt.Errorf("store articles: %w", err)
	}
	for _, ins := range []struct {
		prefix string
		rows   *rowValues
		suffix string
	}{
		{`INSERT INTO articles (id, key, title, place, source, author, url, published, added, sort_time,
			origin, read, starred, quote_count, first_quote) VALUES `, &articles, ""},
		{"INSERT INTO article_raw(article_id, raw, layout) VALUES ", &raws, ""},
		{`INSERT INTO quotes (id, article_id, sort_time, text, content_start, content_end, kind, cue, cue_start,
			cue_end, source, source_start, source_end, speaker, role) VALUES `, &quotes, ""},
		{`INSERT INTO speaker_stats(name, quotes, articles) VALUES `, &stats,
			` ON CONFLICT(name) DO UPDATE SET quotes = quotes + excluded.quotes, articles = articles + excluded.articles`},
		// The full-text index last: every statement after a write to it in
		// the transaction makes FTS5 flush at its savepoint.
		{"INSERT INTO article_text(rowid, title, body) VALUES ", &texts, ""},
	} {
		// The full-text rows go in one statement however many there are;
		// the others in statements of at most 128 rows, which SQLite parses
		// quickly (a statement is prepared once per connection, and an
		// import opens its store afresh).
		maxRows := 128
		if ins.rows == &texts {
			maxRows = 0
		}
		if err := s.insertRows(ctx, tx, ins.prefix, ins.rows, ins.suffix, maxRows); err != nil {
			return nil, fmt.Errorf("store articles: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return status, nil
}

// addCounts adds the inserted articles and quotes to the store's counters
// (schema version 5 on; deletes are counted by triggers).
func addCounts(ctx context.Context, tx *sql.Tx, batch []Article, status []InsertStatus) error {
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
	_, err := tx.ExecContext(ctx, `UPDATE counters SET value = value + CASE name
		WHEN 'articles' THEN ? WHEN 'unread' THEN ? WHEN 'starred' THEN ? ELSE ? END
		WHERE name IN ('articles', 'unread', 'starred', 'quotes')`, articles, unread, starred, quotes)
	return err
}

// existingKeys returns which of the batch's keys the store already holds.
func existingKeys(ctx context.Context, tx *sql.Tx, batch []Article) (map[string]bool, error) {
	keys := make([]string, len(batch))
	for i, a := range batch {
		keys[i] = a.Key
	}
	return storedKeys(ctx, tx, keys)
}

// Stored returns which of the keys the store holds, with one query per 500
// keys: an import asks it for each batch, before it extracts quotes.
func (s *Store) Stored(ctx context.Context, keys []string) (map[string]bool, error) {
	return storedKeys(ctx, s.db, keys)
}

func storedKeys(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, keys []string) (map[string]bool, error) {
	seen := make(map[string]bool, len(keys))
	const perQuery = 500
	for start := 0; start < len(keys); start += perQuery {
		part := keys[start:min(start+perQuery, len(keys))]
		args := make([]any, len(part))
		for i, k := range part {
			args[i] = k
		}
		rows, err := db.QueryContext(ctx, "SELECT key FROM articles WHERE key IN ("+
			placeholders(len(part))+")", args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return nil, err
			}
			seen[k] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return seen, nil
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

// placeholders is "?,?,...?" for n parameters.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// rowValues collects rows for multi-row INSERT statements.
type rowValues struct {
	columns int
	args    []any
}

func (r *rowValues) add(values ...any) { r.args = append(r.args, values...) }

// insertRows inserts the rows with few statements, each prepared once per
// store connection: rows go in chunks of a power of two up to limit rows (0:
// as many as SQLite's 32,766 parameters allow), so a handful of statement
// shapes serve every batch.
func (s *Store) insertRows(ctx context.Context, tx *sql.Tx, prefix string, r *rowValues, suffix string, limit int) error {
	maxRows := 1
	for maxRows*2*r.columns <= 32766 && (limit == 0 || maxRows*2 <= limit) {
		maxRows *= 2
	}
	tuple := "(" + placeholders(r.columns) + "),"
	for args := r.args; len(args) >= r.columns; {
		n := maxRows
		for n > len(args)/r.columns {
			n /= 2
		}
		stmt, err := s.cachedStmt(ctx, prefix+strings.TrimSuffix(strings.Repeat(tuple, n), ",")+suffix)
		if err != nil {
			return err
		}
		if _, err := tx.StmtContext(ctx, stmt).ExecContext(ctx, args[:n*r.columns]...); err != nil {
			return err
		}
		args = args[n*r.columns:]
	}
	return nil
}

// cachedStmt returns the statement for query, preparing it the first time.
func (s *Store) cachedStmt(ctx context.Context, query string) (*sql.Stmt, error) {
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	if stmt, ok := s.stmts[query]; ok {
		return stmt, nil
	}
	stmt, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if s.stmts == nil {
		s.stmts = map[string]*sql.Stmt{}
	}
	s.stmts[query] = stmt
	return stmt, nil
}

func unixOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

func timeOrZero(sec int64) time.Time {
	if sec == 0 {
		return time.Time{}
	}
	return time.Unix(sec, 0).UTC()
}

// Cursor is a position in the list order (newest first): the sort time and
// id of a row. The zero Cursor means "the start".
type Cursor struct {
	SortTime int64
	ID       int64
}

// IsZero reports whether c is the start of the list.
func (c Cursor) IsZero() bool { return c.SortTime == 0 && c.ID == 0 }

// Filter narrows the article list.
type Filter int

const (
	All Filter = iota
	Unread
	Starred
)

// ListQuery asks for one page of the article list.
type ListQuery struct {
	Filter Filter
	// After, when set, asks for the rows that come after this one (older).
	After Cursor
	// Before, when set, asks for the rows that come before this one (newer);
	// they are still returned newest first.
	Before Cursor
	// Last asks for the last page (the oldest rows), for a jump to the end.
	Last bool
	// FeedID, when set, keeps the articles of this feed subscription.
	FeedID int64
	Limit  int
}

// ListItem is a row of the list with its cursor.
type ListItem struct {
	ArticleSummary
	Cursor Cursor
}

const summaryColumns = `id, title, place, source, author, url, published, sort_time, read, starred, quote_count`

func scanSummary(sc interface{ Scan(...any) error }) (ListItem, error) {
	var it ListItem
	var published int64
	err := sc.Scan(&it.ID, &it.Title, &it.Place, &it.Source, &it.Author, &it.URL, &published,
		&it.Cursor.SortTime, &it.Read, &it.Starred, &it.QuoteCount)
	it.Published = timeOrZero(published)
	it.Cursor.ID = it.ID
	return it, err
}

// List returns one page of articles, newest first, by keyset paging on
// (sort_time, id): each page costs the same wherever it is in the store.
func (s *Store) List(ctx context.Context, q ListQuery) ([]ListItem, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	where := ""
	switch q.Filter {
	case Unread:
		where = "read = 0"
	case Starred:
		where = "starred = 1"
	}
	and := func(cond string) {
		if where == "" {
			where = cond
		} else {
			where += " AND " + cond
		}
	}
	var args []any
	if q.FeedID != 0 {
		and("id IN (SELECT article_id FROM feed_items WHERE feed_id = ?)")
		args = append(args, q.FeedID)
	}
	order := "DESC"
	switch {
	case !q.After.IsZero():
		and("(sort_time, id) < (?, ?)")
		args = append(args, q.After.SortTime, q.After.ID)
	case !q.Before.IsZero():
		and("(sort_time, id) > (?, ?)")
		args = append(args, q.Before.SortTime, q.Before.ID)
		order = "ASC"
	case q.Last:
		order = "ASC"
	}
	query := "SELECT " + summaryColumns + " FROM articles"
	if where != "" {
		query += " WHERE " + where
	}
	query += fmt.Sprintf(" ORDER BY sort_time %s, id %s LIMIT ?", order, order)
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var items []ListItem
	for rows.Next() {
		it, err := scanSummary(rows)
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if order == "ASC" {
		for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
			items[i], items[j] = items[j], items[i]
		}
	}
	return items, nil
}

// Article returns one article with its body and quotes (not its raw bytes:
// see Raw).
func (s *Store) Article(ctx context.Context, id int64) (Article, error) {
	var a Article
	var published, added int64
	err := s.db.QueryRowContext(ctx, `SELECT a.id, a.key, a.title, a.place, a.source, a.author, a.url,
		a.published, a.added, a.origin, a.read, a.starred, t.body
		FROM articles a JOIN article_text t ON t.rowid = a.id WHERE a.id = ?`, id).
		Scan(&a.ID, &a.Key, &a.Title, &a.Place, &a.Source, &a.Author, &a.URL,
			&published, &added, &a.Origin, &a.Read, &a.Starred, &a.Body)
	if errors.Is(err, sql.ErrNoRows) {
		return Article{}, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Article{}, fmt.Errorf("article %d: %w", id, err)
	}
	a.Published = timeOrZero(published)
	a.Added = timeOrZero(added)
	a.Quotes, err = s.articleQuotes(ctx, id)
	return a, err
}

// Raw returns the original bytes of an article, exactly as read.
func (s *Store) Raw(ctx context.Context, id int64) ([]byte, error) {
	var raw []byte
	var layout rawLayout
	var title, body string
	err := s.db.QueryRowContext(ctx, `SELECT r.raw, r.layout, coalesce(t.title, ''), coalesce(t.body, '')
		FROM article_raw r LEFT JOIN article_text t ON t.rowid = r.article_id AND r.layout != 0
		WHERE r.article_id = ?`, id).Scan(&raw, &layout, &title, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	switch layout {
	case rawTitleText:
		return []byte(title + "\n\n" + body), nil
	case rawTitleTextNewline:
		return []byte(title + "\n\n" + body + "\n"), nil
	}
	return raw, nil
}

// rawLayout says how an article's raw bytes are stored: as they are, or as
// its title and text, when the file was exactly those (89% of the shared
// corpus), so that they are not stored twice.
type rawLayout int

const (
	rawAsIs             rawLayout = iota // the bytes themselves
	rawTitleText                         // title + "\n\n" + body
	rawTitleTextNewline                  // title + "\n\n" + body + "\n"
)

func rawLayoutOf(a *Article) rawLayout {
	r := a.Raw
	if len(r) < len(a.Title)+2+len(a.Body) || string(r[:len(a.Title)]) != a.Title {
		return rawAsIs
	}
	r = r[len(a.Title):]
	if string(r[:2]) != "\n\n" || string(r[2:2+len(a.Body)]) != a.Body {
		return rawAsIs
	}
	switch string(r[2+len(a.Body):]) {
	case "":
		return rawTitleText
	case "\n":
		return rawTitleTextNewline
	}
	return rawAsIs
}

// Neighbour returns the id of the article next to id in the list order
// (older when older is true, else newer) within scope (its Filter and
// FeedID), or 0 at an end.
func (s *Store) Neighbour(ctx context.Context, id int64, scope ListQuery, older bool) (int64, error) {
	var c Cursor
	err := s.db.QueryRowContext(ctx, "SELECT sort_time, id FROM articles WHERE id = ?", id).Scan(&c.SortTime, &c.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return 0, err
	}
	q := ListQuery{Filter: scope.Filter, FeedID: scope.FeedID, Limit: 1}
	if older {
		q.After = c
	} else {
		q.Before = c
	}
	items, err := s.List(ctx, q)
	if err != nil || len(items) == 0 {
		return 0, err
	}
	return items[0].ID, nil
}

// SetRead marks an article read or unread.
func (s *Store) SetRead(ctx context.Context, id int64, read bool) error {
	return s.setFlag(ctx, "read", id, read)
}

// SetStarred stars or unstars an article.
func (s *Store) SetStarred(ctx context.Context, id int64, starred bool) error {
	return s.setFlag(ctx, "starred", id, starred)
}

func (s *Store) setFlag(ctx context.Context, column string, id int64, on bool) error {
	if _, err := s.db.ExecContext(ctx, "UPDATE articles SET "+column+" = ? WHERE id = ? AND "+column+" != ?", on, id, on); err != nil {
		return fmt.Errorf("mark article %d: %w", id, err)
	}
	return nil
}

// Lookup returns the id of the article with this key, or 0. (To ask about
// many keys at once, Stored takes one query per 500.)
func (s *Store) Lookup(ctx context.Context, key string) (int64, error) {
	stmt, err := s.cachedStmt(ctx, "SELECT id FROM articles WHERE key = ?")
	if err != nil {
		return 0, err
	}
	var id int64
	err = stmt.QueryRowContext(ctx, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}
