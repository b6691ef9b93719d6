package data

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
)

const quoteColumns = `q.id, q.article_id, q.text, q.content_start, q.content_end, q.kind,
	q.cue, q.cue_start, q.cue_end, q.source, q.source_start, q.source_end, q.speaker, q.role`

func scanQuote(sc interface{ Scan(...any) error }, extra ...any) (Quote, error) {
	var q Quote
	var kind string
	dest := []any{&q.ID, &q.ArticleID, &q.Text, &q.Content.Start, &q.Content.End, &kind,
		&q.Cue, &q.CueSpan.Start, &q.CueSpan.End, &q.Source, &q.SourceSpan.Start, &q.SourceSpan.End,
		&q.Speaker, &q.Role}
	err := sc.Scan(append(dest, extra...)...)
	q.Kind = QuoteKind(kind)
	return q, err
}

func (s *Store) articleQuotes(ctx context.Context, id int64) ([]Quote, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+quoteColumns+` FROM articles a
		JOIN quotes q ON q.id BETWEEN a.first_quote AND a.first_quote + a.quote_count - 1
		WHERE a.id = ? ORDER BY q.content_start`, id)
	if err != nil {
		return nil, fmt.Errorf("quotes of article %d: %w", id, err)
	}
	defer rows.Close()
	var qs []Quote
	for rows.Next() {
		q, err := scanQuote(rows)
		if err != nil {
			return nil, err
		}
		qs = append(qs, q)
	}
	return qs, rows.Err()
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
	if len(qq.SpeakerIDs) == 0 {
		return s.quotesWhere(ctx, qq, "", nil)
	}
	names, err := s.speakerNames(ctx, qq.SpeakerIDs)
	if err != nil {
		return nil, err
	}
	var items []QuoteItem
	for _, name := range names {
		page, err := s.quotesWhere(ctx, qq, "q.speaker = ?", name)
		if err != nil {
			return nil, err
		}
		items = append(items, page...)
	}
	// Newest first, and a page's worth from the right end: the newest for
	// a page after the cursor, the oldest for one before it or the last.
	slices.SortFunc(items, func(a, b QuoteItem) int {
		return cmp.Or(cmp.Compare(b.Cursor.SortTime, a.Cursor.SortTime), cmp.Compare(b.Cursor.ID, a.Cursor.ID))
	})
	if len(items) > qq.Limit {
		if !qq.Before.IsZero() || qq.Last && qq.After.IsZero() {
			items = items[len(items)-qq.Limit:]
		} else {
			items = items[:qq.Limit]
		}
	}
	return items, nil
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

// quotesWhere is one keyset page of quotes, newest first, under an extra
// condition (cond with its one argument) when cond is set.
func (s *Store) quotesWhere(ctx context.Context, qq QuoteQuery, cond string, arg any) ([]QuoteItem, error) {
	query, args, ascending := quotesQuery(qq, cond, arg)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list quotes: %w", err)
	}
	defer rows.Close()
	var items []QuoteItem
	for rows.Next() {
		var it QuoteItem
		var published int64
		it.Quote, err = scanQuote(rows, &it.Cursor.SortTime, &it.ArticleTitle, &published, &it.SpeakerID)
		if err != nil {
			return nil, err
		}
		it.Published = timeOrZero(published)
		it.Cursor.ID = it.ID
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if ascending {
		slices.Reverse(items)
	}
	return items, nil
}

// quotesQuery is quotesWhere's query, and whether it reads oldest first.
func quotesQuery(qq QuoteQuery, cond string, arg any) (query string, args []any, ascending bool) {
	var where []string
	if cond != "" {
		where = append(where, cond)
		args = append(args, arg)
	}
	if qq.Kind != "" {
		// "+": a filter on the rows read in order, never an index to build.
		where = append(where, "+q.kind = ?")
		args = append(args, string(qq.Kind))
	}
	// Without a speaker, the quotes are read article by article down the
	// articles' list order, each article's run of quote ids in turn: quote
	// ids grow with article ids, so (article sort_time, article id, quote
	// id) is the order of (sort_time, quote id), and no index of quotes in
	// that order is kept. For a speaker, their index gives the order.
	byArticle := cond == ""
	st := "q.sort_time"
	if byArticle {
		st = "a.sort_time"
	}
	order := "DESC"
	switch {
	case !qq.After.IsZero():
		where = append(where, fmt.Sprintf("%[1]s <= ? AND (%[1]s < ? OR q.id < ?)", st))
		args = append(args, qq.After.SortTime, qq.After.SortTime, qq.After.ID)
	case !qq.Before.IsZero():
		where = append(where, fmt.Sprintf("%[1]s >= ? AND (%[1]s > ? OR q.id > ?)", st))
		args = append(args, qq.Before.SortTime, qq.Before.SortTime, qq.Before.ID)
		order = "ASC"
	case qq.Last:
		order = "ASC"
	}
	query = "SELECT " + quoteColumns + `, q.sort_time, a.title, a.published, coalesce(sn.speaker_id, 0)
		FROM quotes q JOIN articles a ON a.id = q.article_id
		LEFT JOIN speaker_names sn ON sn.name = q.speaker`
	orderBy := fmt.Sprintf(" ORDER BY q.sort_time %[1]s, q.id %[1]s LIMIT ?", order)
	if byArticle {
		where = append(where, "a.quote_count > 0")
		query = "SELECT " + quoteColumns + `, q.sort_time, a.title, a.published, coalesce(sn.speaker_id, 0)
		FROM articles a JOIN quotes q ON q.id BETWEEN a.first_quote AND a.first_quote + a.quote_count - 1
		LEFT JOIN speaker_names sn ON sn.name = q.speaker`
		orderBy = fmt.Sprintf(" ORDER BY a.sort_time %[1]s, a.id %[1]s, q.id %[1]s LIMIT ?", order)
	}
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += orderBy
	args = append(args, qq.Limit)
	return query, args, order == "ASC"
}
