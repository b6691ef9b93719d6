package data

import (
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
	rows, err := s.db.QueryContext(ctx, "SELECT "+quoteColumns+" FROM quotes q WHERE q.article_id = ? ORDER BY q.content_start", id)
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
func (s *Store) Quotes(ctx context.Context, qq QuoteQuery) ([]QuoteItem, error) {
	limit := qq.Limit
	if limit <= 0 {
		limit = 100
	}
	var where []string
	var args []any
	if len(qq.SpeakerIDs) > 0 {
		marks := strings.TrimSuffix(strings.Repeat("?,", len(qq.SpeakerIDs)), ",")
		where = append(where, "q.speaker IN (SELECT name FROM speaker_names WHERE speaker_id IN ("+marks+"))")
		for _, id := range qq.SpeakerIDs {
			args = append(args, id)
		}
	}
	if qq.Kind != "" {
		where = append(where, "q.kind = ?")
		args = append(args, string(qq.Kind))
	}
	order := "DESC"
	switch {
	case !qq.After.IsZero():
		where = append(where, "(q.sort_time, q.id) < (?, ?)")
		args = append(args, qq.After.SortTime, qq.After.ID)
	case !qq.Before.IsZero():
		where = append(where, "(q.sort_time, q.id) > (?, ?)")
		args = append(args, qq.Before.SortTime, qq.Before.ID)
		order = "ASC"
	case qq.Last:
		order = "ASC"
	}
	query := "SELECT " + quoteColumns + `, q.sort_time, a.title, a.published, coalesce(sn.speaker_id, 0)
		FROM quotes q JOIN articles a ON a.id = q.article_id
		LEFT JOIN speaker_names sn ON sn.name = q.speaker`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += fmt.Sprintf(" ORDER BY q.sort_time %s, q.id %s LIMIT ?", order, order)
	args = append(args, limit)
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
	if order == "ASC" {
		slices.Reverse(items)
	}
	return items, nil
}
