package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

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

// summaryColumnsOfA are an article summary's columns, of articles joined as
// "a", for list and search alike.
const summaryColumnsOfA = `a.id, a.title, a.place, a.source, a.author, a.url, a.published, a.sort_time, a.read, a.starred, a.quote_count`

// scanSummary scans the summaryColumnsOfA of a row, then any extra columns
// after them into extra.
func scanSummary(sc interface{ Scan(...any) error }, extra ...any) (ListItem, error) {
	var it ListItem
	var published int64
	err := sc.Scan(append([]any{&it.ID, &it.Title, &it.Place, &it.Source, &it.Author, &it.URL, &published,
		&it.Cursor.SortTime, &it.Read, &it.Starred, &it.QuoteCount}, extra...)...)
	it.Published = timeOrZero(published)
	it.Cursor.ID = it.ID
	return it, err
}

// List returns one page of articles, newest first, by keyset paging on
// (sort_time, id): each page costs the same wherever it is in the store.
func (s *Store) List(ctx context.Context, q ListQuery) ([]ListItem, error) {
	query, args, ascending := listQuery(q)
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
	if ascending {
		for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
			items[i], items[j] = items[j], items[i]
		}
	}
	return items, nil
}

// listQuery is List's query: down an index in the list order (or its
// reverse, when ascending), from the cursor, a page long. All articles are
// read down articles_order, or its unread or starred part; a feed's down
// its own items in the same order (feed_items_order and its parts), which
// carry the articles' sort times and flags for it.
func listQuery(q ListQuery) (query string, args []any, ascending bool) {
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	// t is the table read in order: articles, or the feed's items.
	t, id := "a", "a.id"
	from := " FROM articles a"
	var where []string
	if q.FeedID != 0 {
		t, id = "i", "i.article_id"
		// CROSS JOIN keeps the items the outer loop, read in order.
		from = " FROM feed_items i CROSS JOIN articles a ON a.id = i.article_id"
		where = append(where, "i.feed_id = ?")
		args = append(args, q.FeedID)
	}
	query = "SELECT " + summaryColumnsOfA + from
	switch q.Filter {
	case Unread:
		where = append(where, t+".read = 0")
	case Starred:
		where = append(where, t+".starred = 1")
	}
	order := "DESC"
	switch {
	case !q.After.IsZero():
		where = append(where, fmt.Sprintf("(%s.sort_time, %s) < (?, ?)", t, id))
		args = append(args, q.After.SortTime, q.After.ID)
	case !q.Before.IsZero():
		where = append(where, fmt.Sprintf("(%s.sort_time, %s) > (?, ?)", t, id))
		args = append(args, q.Before.SortTime, q.Before.ID)
		order, ascending = "ASC", true
	case q.Last:
		order, ascending = "ASC", true
	}
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += fmt.Sprintf(" ORDER BY %[1]s.sort_time %[3]s, %[2]s %[3]s LIMIT ?", t, id, order)
	return query, append(args, limit), ascending
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

// Flag is one of an article's flags.
type Flag int

// The flags an article has.
const (
	FlagRead Flag = iota
	FlagStarred
)

// SetFlag sets one of an article's flags and leaves the other as it is:
// two changes made at once (m then s, typed together) cannot undo each
// other, whatever order they reach the store in.
func (s *Store) SetFlag(ctx context.Context, id int64, f Flag, on bool) error {
	var query string
	switch f {
	case FlagRead:
		query = "UPDATE articles SET read = ?1 WHERE id = ?2 AND read != ?1"
	case FlagStarred:
		query = "UPDATE articles SET starred = ?1 WHERE id = ?2 AND starred != ?1"
	default:
		return fmt.Errorf("mark article %d: no flag %d", id, f)
	}
	if _, err := s.db.ExecContext(ctx, query, on, id); err != nil {
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
