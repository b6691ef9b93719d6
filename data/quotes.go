package data

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// articleQuotes returns an article's quotes in text order, with their ids.
func (s *Store) articleQuotes(ctx context.Context, id int64) ([]Quote, error) {
	var first int64
	var pack []byte
	err := s.db.QueryRowContext(ctx, `SELECT a.first_quote, q.quotes FROM articles a
		JOIN article_quotes q ON q.article_id = a.id WHERE a.id = ?`, id).Scan(&first, &pack)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("quotes of article %d: %w", id, err)
	}
	qs, err := unpackQuotes(pack)
	if err != nil {
		return nil, fmt.Errorf("quotes of article %d: %w", id, err)
	}
	numberQuotes(qs, id, first)
	// Packed in the extractor's order, which is text order; sorted all the
	// same, as the article view has always read them.
	slices.SortStableFunc(qs, func(a, b Quote) int { return cmp.Compare(a.Content.Start, b.Content.Start) })
	return qs, nil
}

// numberQuotes sets the ids of an article's quotes, unpacked in text order:
// the run from first, last to first (see Insert).
func numberQuotes(qs []Quote, article, first int64) {
	for i := range qs {
		qs[i].ID = first + int64(len(qs)-1-i)
		qs[i].ArticleID = article
	}
}

// QuoteQuery asks for one page of quotes, newest first.
type QuoteQuery struct {
	// SpeakerIDs, when set, keeps the quotes of these canonical speakers.
	SpeakerIDs []int64
	// Kind, when set, keeps quotes of this kind.
	Kind QuoteKind
	// After continues from the last row of the previous page (older rows).
	After Cursor
	// Before asks for the rows just before this one (newer), still returned
	// newest first.
	Before Cursor
	// Last asks for the last page (the oldest quotes).
	Last  bool
	Limit int
}

// QuoteItem is a quote row with its cursor.
type QuoteItem struct {
	QuoteRow
	Cursor Cursor
}

// Quotes returns one page of quotes with their articles, newest first, by
// keyset paging on (sort_time, id): each page costs the same wherever it is.
// Within an article, quotes come in text order (see Insert).
//
// For speakers, each of their names is read down its own index range (a
// page at most) and the ranges are merged: one query over all the names
// would sort every quote of a much-quoted speaker.
func (s *Store) Quotes(ctx context.Context, qq QuoteQuery) ([]QuoteItem, error) {
	if qq.Limit <= 0 {
		qq.Limit = 100
	}
	var items []QuoteItem
	if len(qq.SpeakerIDs) == 0 {
		page, err := s.quotePage(ctx, qq, "")
		if err != nil {
			return nil, err
		}
		items = page
	} else {
		names, err := s.speakerNames(ctx, qq.SpeakerIDs)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			page, err := s.quotePage(ctx, qq, name)
			if err != nil {
				return nil, err
			}
			items = append(items, page...)
		}
		// Newest first, and a page's worth from the right end: the newest
		// for a page after the cursor, the oldest for one before it or the
		// last.
		slices.SortFunc(items, func(a, b QuoteItem) int {
			return cmp.Or(cmp.Compare(b.Cursor.SortTime, a.Cursor.SortTime), cmp.Compare(b.Cursor.ID, a.Cursor.ID))
		})
		if len(items) > qq.Limit {
			if qq.ascending() {
				items = items[len(items)-qq.Limit:]
			} else {
				items = items[:qq.Limit]
			}
		}
	}
	return items, s.setSpeakerIDs(ctx, items)
}

// ascending reports whether the page is read oldest first (and returned
// reversed): a page before a cursor, or the last page. A page after a
// cursor is read newest first, whatever else is set.
func (qq QuoteQuery) ascending() bool {
	return qq.After.IsZero() && (!qq.Before.IsZero() || qq.Last)
}

// speakerNames returns every per-article name of these canonical speakers.
func (s *Store) speakerNames(ctx context.Context, ids []int64) ([]string, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, "SELECT name FROM speaker_names WHERE speaker_id IN ("+
		placeholders(len(ids))+")", args...)
	if err != nil {
		return nil, fmt.Errorf("list quotes: %w", err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// setSpeakerIDs sets the canonical speaker of each quote, with one query for
// the page's names.
func (s *Store) setSpeakerIDs(ctx context.Context, items []QuoteItem) error {
	var args []any
	seen := map[string]bool{}
	for _, it := range items {
		if it.Speaker != "" && !seen[it.Speaker] {
			seen[it.Speaker] = true
			args = append(args, it.Speaker)
		}
	}
	if len(args) == 0 {
		return nil
	}
	ids, err := queryMap[string, int64](ctx, s.db, "SELECT name, speaker_id FROM speaker_names WHERE name IN ("+
		placeholders(len(args))+")", args...)
	if err != nil {
		return fmt.Errorf("list quotes: %w", err)
	}
	for i := range items {
		items[i].SpeakerID = ids[items[i].Speaker]
	}
	return nil
}

// quoteBound is where a page of quotes starts: after (or, ascending,
// before) the quote with this sort time and id.
type quoteBound struct {
	ascending bool
	set       bool
	sortTime  int64
	id        int64
}

// within reports whether a quote of an article with this sort time is on
// the page's side of the bound.
func (b quoteBound) within(sortTime, id int64) bool {
	switch {
	case !b.set || sortTime != b.sortTime:
		return true
	case b.ascending:
		return id > b.id
	default:
		return id < b.id
	}
}

// quotePage is one keyset page of quotes, newest first, of one per-article
// speaker name when name is set. It reads articles in the page's order,
// each with its packed quotes, until the page is full: a page of the
// newest first, unless a kind is asked for, reads a page of articles.
func (s *Store) quotePage(ctx context.Context, qq QuoteQuery, name string) ([]QuoteItem, error) {
	b := quoteBound{ascending: qq.ascending()}
	switch {
	case !qq.After.IsZero():
		b.set, b.sortTime, b.id = true, qq.After.SortTime, qq.After.ID
	case !qq.Before.IsZero():
		b.set, b.sortTime, b.id = true, qq.Before.SortTime, qq.Before.ID
	}
	var items []QuoteItem
	for len(items) < qq.Limit {
		query, args := quoteArticlesQuery(name, b, qq.Limit)
		rows, err := s.db.QueryContext(ctx, query, args...)
		if err != nil {
			return nil, fmt.Errorf("list quotes: %w", err)
		}
		articles := 0
		for rows.Next() && len(items) < qq.Limit {
			articles++
			var a QuoteItem
			var published, first, count int64
			var pack []byte
			if err := rows.Scan(&a.ArticleID, &a.Cursor.SortTime, &a.ArticleTitle, &published, &first, &count, &pack); err != nil {
				rows.Close()
				return nil, err
			}
			a.Published = timeOrZero(published)
			qs, err := unpackQuotes(pack)
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("quotes of article %d: %w", a.ArticleID, err)
			}
			numberQuotes(qs, a.ArticleID, first)
			if b.ascending {
				slices.Reverse(qs)
			}
			for _, q := range qs {
				if len(items) == qq.Limit {
					break
				}
				if name != "" && q.Speaker != name || qq.Kind != "" && q.Kind != qq.Kind || !b.within(a.Cursor.SortTime, q.ID) {
					continue
				}
				it := a
				it.Quote = q
				it.Cursor.ID = q.ID
				items = append(items, it)
			}
			// The next articles come after this one.
			b.set, b.sortTime, b.id = true, a.Cursor.SortTime, first
			if b.ascending {
				b.id = first + count - 1
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if articles < qq.Limit {
			break // no more articles
		}
	}
	if b.ascending {
		slices.Reverse(items)
	}
	return items, nil
}

// quoteArticlesQuery reads up to limit articles with quotes (of one speaker
// name, when name is set) past the bound, in the page's order: down the
// articles' list index, or the speaker's. Quote ids grow with article ids,
// so (sort_time, article id) is the order of (sort_time, quote id), and an
// article is past the bound when its sort time is, or when its run of quote
// ids reaches past the bound's id.
func quoteArticlesQuery(name string, b quoteBound, limit int) (query string, args []any) {
	const columns = "SELECT a.id, a.sort_time, a.title, a.published, a.first_quote, a.quote_count, q.quotes"
	var where []string
	st, id := "a.sort_time", "a.id"
	// CROSS JOIN keeps the tables in this order: with statistics from
	// ANALYZE, SQLite would otherwise read every pack and sort them when
	// few articles have quotes.
	if name == "" {
		query = columns + " FROM articles a CROSS JOIN article_quotes q ON q.article_id = a.id"
		where = append(where, "a.quote_count > 0")
	} else {
		query = columns + ` FROM speaker_articles sa CROSS JOIN articles a ON a.id = sa.article_id
		CROSS JOIN article_quotes q ON q.article_id = a.id`
		where = append(where, "sa.name = ?")
		args = append(args, name)
		st, id = "sa.sort_time", "sa.article_id"
	}
	order := "DESC"
	if b.ascending {
		order = "ASC"
	}
	if b.set {
		if b.ascending {
			where = append(where, fmt.Sprintf("%[1]s >= ? AND (%[1]s > ? OR a.first_quote + a.quote_count - 1 > ?)", st))
		} else {
			where = append(where, fmt.Sprintf("%[1]s <= ? AND (%[1]s < ? OR a.first_quote < ?)", st))
		}
		args = append(args, b.sortTime, b.sortTime, b.id)
	}
	query += " WHERE " + strings.Join(where, " AND ") +
		fmt.Sprintf(" ORDER BY %[1]s %[3]s, %[2]s %[3]s LIMIT ?", st, id, order)
	return query, append(args, limit)
}

// eachArticleQuotes calls fn with every article's quotes, unpacked. It reads
// every quote in the store: for verbs and checks, never the UI.
func (s *Store) eachArticleQuotes(ctx context.Context, fn func(article int64, qs []Quote)) error {
	rows, err := s.db.QueryContext(ctx, "SELECT article_id, quotes FROM article_quotes")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var pack []byte
		if err := rows.Scan(&id, &pack); err != nil {
			return err
		}
		qs, err := unpackQuotes(pack)
		if err != nil {
			return fmt.Errorf("quotes of article %d: %w", id, err)
		}
		fn(id, qs)
	}
	return rows.Err()
}
